// bench run <scenario>: flags in, a plan out (harness/plan.ts validates everything at once),
// printers and writers subscribed, signals handled; all measuring happens in the harness.
import type { Command } from 'commander';
import { runBenchmark } from '../harness/benchmark.js';
import { DEFAULTS, buildPlan } from '../harness/plan.js';
import { defaultOutDir, writeResultsFolder } from './results-folder.js';
import { terminalSummary, terminalVerdict } from '../reports/terminal.js';
import { jsonExport } from '../reports/json.js';
import { thresholdsFailed } from '../analysis/thresholds.js';
import type { WarmupLoad } from '../scenarios/executor.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../common/errors.js';
import { collect, intOption, listOption, secondsOption } from './options.js';
import { loadScenario } from '../scenarios/source.js';
import { openRunSession } from './run-session.js';
import { addCommandOptions, pidOption, type ServeFlags } from './serve-flags.js';
import { addStorageOptions, type StorageFlags } from './storage-options.js';
import { addBrokerOptions, type BrokerFlags } from './broker-options.js';
import { addSwitchOptions, switchRequest, type SwitchFlags } from './switch-flags.js';
import { addEdgeOptions, type EdgeFlags } from './edge-options.js';
import { RATE_HELP, WARMUP_LOAD_HELP, rateOption, warmupLoadOption } from './workload-flags.js';

interface RunFlags extends StorageFlags, BrokerFlags, ServeFlags, SwitchFlags, EdgeFlags {
  pid?: number;
  targets?: string[];
  where?: string[];
  url?: string;
  duration?: number;
  connections?: number;
  vus?: number;
  json?: boolean;
  quiet?: boolean;
  warmup?: number;
  warmupLoad: WarmupLoad;
  trials: number;
  out?: string;
  host: string;
  allowRemote?: boolean;
  verify?: boolean;
  requestTimeout: number;
  readyTimeout: number;
  runner?: string;
  baseline?: string;
  injectCpuUs?: number;
  replicas?: number;
  workers?: number;
  rate?: number;
  generatorThreads?: number;
  pin?: boolean;
}

const EXAMPLES = `
Examples:
  bench run smoke                                       both monoliths, the scenario's own load
  bench run read-heavy -t monolith-fastify -d 30s --vus 32
  bench run architecture --targets 'monolith-fastify,micro-*-fastify' --trials 3
  bench run read-heavy --rate 2000 -d 1m                open model: 2000 arrivals/s
  bench run ./my-scenario.ts --url http://127.0.0.1:8000 --quiet
  bench run smoke --json > results.json                 the results JSON on stdout, nothing else

Durations take a unit (500ms, 30s, 2m, 1m30s); a plain number is seconds.`;

export function registerRun(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('run')
    .description('start targets, verify, seed, warm up, measure a scenario, and write results')
    .argument('<scenario>', 'a built-in scenario name (see `bench list scenarios`) or a path to your own scenario file')
    // The options most runs need come first; `--help` prints each group under its heading.
    .optionsGroup('Common options:')
    .option('-t, --targets <names>', `targets or globs, comma-separated (default ${DEFAULTS.targets.join(',')})`, listOption)
    .option('-d, --duration <duration>', 'measured window, 1s..1h (constant executors)', secondsOption('--duration', 1, 3600))
    .option('-c, --connections <n>', 'closed-model connections (VUs), 1..10000', intOption('--connections', 1, 10000))
    .option('--vus <n>', "k6's name for --connections", intOption('--vus', 1, 10000))
    .option('--rate <n>', RATE_HELP, rateOption)
    .option('--trials <n>', 'repeat every target n times, interleaved, 1..100', intOption('--trials', 1, 100), DEFAULTS.trials)
    .option('-o, --out <dir>', 'results folder (default results/<timestamp>-<scenario>)')
    .optionsGroup('Output:')
    .option('--json', 'print the results JSON to stdout and nothing else there (progress stays on stderr)')
    .option('-q, --quiet', 'no progress: only the verdict lines, failed thresholds and errors')
    .optionsGroup('Selecting targets:')
    .option('--where <axis=value>', 'keep targets whose axis has this value (repeatable), e.g. transport=grpc', collect)
    .option('--baseline <target>', 'target the reports compare others against (default: the first target)')
    .optionsGroup('Your own service:')
    .option('--url <url>', 'load your own running service instead of starting ours (http://HOST:PORT, or grpc://HOST:PORT for a gRPC scenario)')
    .option('--pid <pid>', 'with --url: the process whose tree to measure (CPU per request, peak RSS)', pidOption)
    .option('--serve <NAME=COMMAND>', 'start your own command as a target, measured like ours (repeatable; the first is the baseline)', collect)
    .option('--allow-remote', 'allow load on a non-loopback address (only machines you own)')
    .option('--verify', 'run the conformance suite on --url targets too')
    .option('--no-verify', 'skip the conformance check of our targets (not recommended)');
  addCommandOptions(cmd)
    .optionsGroup('Load and timing:')
    .option('-w, --warmup <duration>', 'warm-up before measuring, not recorded, 0s..10m', secondsOption('--warmup', 0, 600))
    .option('--warmup-load <load>', WARMUP_LOAD_HELP, warmupLoadOption, DEFAULTS.warmupLoad)
    .option('--runner <name>', 'force a load generator: autocannon, open or grpc (default: the first that can run the executor and the scenario\'s protocol)')
    .option('--generator-threads <n>', 'open and grpc runners: worker threads generating load, 1..64', intOption('--generator-threads', 1, 64))
    .option('--pin', 'put the generator and the targets on separate cores (taskset)')
    .option('--request-timeout <duration>', 'per-request timeout, 100ms..2m', secondsOption('--request-timeout', 0.1, 120), DEFAULTS.requestTimeoutS)
    .option('--ready-timeout <duration>', 'time a target may take to start, 1s..5m', secondsOption('--ready-timeout', 1, 300), DEFAULTS.readyTimeoutS)
    .optionsGroup('Our targets:')
    .option('--host <addr>', 'interface our targets bind to', DEFAULTS.host)
    .option('--workers <n>', 'persistent monolith targets: node:cluster worker processes, 1..64 (recorded as the workers axis)', intOption('--workers', 1, 64))
    .option('--replicas <n>', 'micro targets: instances of users and of billing behind the gateway, 1..16', intOption('--replicas', 1, 16))
    .option('--inject-cpu-us <n>', 'busy work per request in our targets, microseconds 0..1000000 (to test the gate)', intOption('--inject-cpu-us', 0, 1_000_000));
  addStorageOptions(cmd);
  addBrokerOptions(cmd.optionsGroup('Brokers (micro-nats-*, micro-amqp-*, micro-redis-*):'));
  addEdgeOptions(addSwitchOptions(cmd.optionsGroup('Playbook switches of our targets:')));
  cmd
    .optionsGroup('Options:')
    .addHelpText('after', EXAMPLES)
    .action(async (scenarioArg: string, flags: RunFlags, cmd: Command) => {
      const { json, quiet, vus, ...planFlags } = flags;
      const connections = connectionsOrVus(flags.connections, vus);
      const { scenario, source: scenarioSource } = await loadScenario(scenarioArg);
      const out = flags.out ?? defaultOutDir(scenario.name);
      const plan = await buildPlan({
        ...planFlags,
        ...switchRequest(flags),
        connections,
        scenario,
        scenarioSource,
        durationS: flags.duration,
        warmupS: flags.warmup,
        requestTimeoutS: flags.requestTimeout,
        readyTimeoutS: flags.readyTimeout,
        // Commander sets `verify` true by default (--no-verify); only an explicit flag counts.
        verify: cmd.getOptionValueSource('verify') === 'cli' ? flags.verify : undefined,
        command: ['bench', ...process.argv.slice(2)],
        recorded: { ...planFlags, ...(connections !== undefined ? { connections } : {}) },
        outDir: out,
      });
      const session = openRunSession(out, { progress: !quiet });
      try {
        const results = await runBenchmark(plan, session.events, session.signal);
        session.detachProgress();
        const files = writeResultsFolder(out, results);
        // --json: stdout carries the JSON alone, so where the files went is said on stderr.
        if (json) process.stdout.write(jsonExport(results));
        else process.stdout.write(quiet ? terminalVerdict(results) : terminalSummary(results));
        if (json) process.stderr.write(`results: ${files.join(', ')}\n`);
        else if (!quiet) process.stdout.write(`\nresults: ${files.join(', ')}\n`);
        setExit(results.status === 'ok' && !thresholdsFailed(results) ? EXIT_OK : EXIT_FAILED);
      } finally {
        session.close();
      }
    });
}

/** --vus is k6's name for --connections: either one, or both with the same value. */
function connectionsOrVus(connections: number | undefined, vus: number | undefined): number | undefined {
  if (connections !== undefined && vus !== undefined && connections !== vus) {
    throw new UsageError(`--vus ${vus} and --connections ${connections} disagree: --vus is another name for --connections, give one`);
  }
  return connections ?? vus;
}

// bench run <scenario>: the CLI face of harness/benchmark.ts. Parses, subscribes printers
// and writers, handles signals; all measuring happens in the harness.
import type { Command } from 'commander';
import { runBenchmark } from '../harness/benchmark.js';
import { BenchmarkEvents } from '../harness/events.js';
import { terminalSummary } from '../reports/terminal.js';
import { parseDurationMs } from '../scenarios/duration.js';
import type { ExecutorConfig, WarmupLoad } from '../scenarios/executor.js';
import { selectTargets } from '../targets/catalog.js';
import { externalTarget } from '../targets/external.js';
import type { TargetSpec } from '../targets/target.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../common/errors.js';
import { collect, intOption, listOption, secondsOption } from './options.js';
import { attachProgress } from './progress.js';
import { checkGrpcUrl, checkProtocols } from './protocol-check.js';
import { loadScenario } from './scenario-loader.js';
import { ThresholdError, parseThresholds, thresholdsFailed } from '../reports/thresholds.js';
import { defaultOutDir, writePartialResults, writeResultsFolder } from './results-folder.js';
import { onInterrupt } from './signals.js';
import { addStorageOptions, storageTargetOptions, type StorageFlags } from './storage-options.js';
import { addBrokerOptions, brokerTargetOptions, type BrokerFlags } from './broker-options.js';
import { placeProcesses } from '../harness/placement.js';
import { addCommandOptions, pidOption, rejectOrphanCommandFlags, serveTargets, type ServeFlags } from './serve-flags.js';
import { watchedPidTarget } from '../targets/lifecycle/watched-pid.js';
import { MAX_RATE_FLAG, WARMUP_LOAD_HELP, applyRate, checkExecutor, checkRunner, rateOption, warmupLoadOption } from './workload-flags.js';

export const DEFAULT_TARGETS = ['monolith-fastify', 'monolith-express'];

interface RunFlags extends StorageFlags, BrokerFlags, ServeFlags {
  pid?: number;
  targets?: string[];
  where?: string[];
  url?: string;
  duration?: number;
  connections?: number;
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
  rate?: number;
  generatorThreads?: number;
  pin?: boolean;
}

export function applyOverrides(e: ExecutorConfig, flags: Pick<RunFlags, 'duration' | 'connections'>): ExecutorConfig {
  let out: ExecutorConfig = { ...e };
  if (flags.duration !== undefined) {
    if (out.type !== 'constant-vus' && out.type !== 'constant-arrival-rate') {
      throw new UsageError(`--duration applies to constant executors; this scenario uses ${out.type} (set its stages instead)`);
    }
    out = { ...out, duration: flags.duration };
  }
  if (flags.connections !== undefined) {
    if (out.type !== 'constant-vus') throw new UsageError(`--connections applies to the closed constant-vus executor; this scenario uses ${out.type}`);
    out = { ...out, vus: flags.connections };
  }
  return out;
}

function chooseTargets(flags: RunFlags, out: string, defaults: string[] = DEFAULT_TARGETS): TargetSpec[] {
  // Your own service (issue 15): cli/serve-flags.ts.
  if (flags.serve) return serveTargets(flags, out);
  rejectOrphanCommandFlags(flags, '--serve');
  if (flags.pid !== undefined && !flags.url) throw new UsageError('--pid needs --url: the URL to load and the process whose tree to measure');
  if (flags.url) {
    if (flags.targets) throw new UsageError('--url and --targets exclude each other: --url loads your service, --targets starts ours');
    checkGrpcUrl(flags.url);
    try {
      return [flags.pid !== undefined ? watchedPidTarget(flags.url, flags.pid) : externalTarget(flags.url)];
    } catch {
      throw new UsageError(`invalid --url "${flags.url}": expected e.g. http://127.0.0.1:8000`);
    }
  }
  return selectTargets(flags.targets ?? defaults, flags.where ?? []);
}

export function registerRun(program: Command, setExit: (code: number) => void): void {
  addCommandOptions(addBrokerOptions(addStorageOptions(program.command('run'))))
    .description('start targets, verify, seed, warm up, measure a scenario, and write results')
    .argument('<scenario>', 'a built-in scenario name (see `bench list scenarios`) or a path to your own scenario file')
    .option('-t, --targets <names>', `targets or globs, comma-separated (default ${DEFAULT_TARGETS.join(',')})`, listOption)
    .option('--where <axis=value>', 'keep targets whose axis has this value (repeatable), e.g. transport=grpc', collect)
    .option('--url <url>', 'load your own running service instead of starting ours (http://HOST:PORT, or grpc://HOST:PORT for a gRPC scenario)')
    .option('--serve <NAME=COMMAND>', 'start your own command as a target, measured like ours (repeatable; the first is the baseline)', collect)
    .option('--pid <pid>', 'with --url: the process whose tree to measure (CPU per request, peak RSS)', pidOption)
    .option('-d, --duration <seconds>', 'measured window, 1..3600 s (constant executors)', secondsOption('--duration', 1, 3600))
    .option('-c, --connections <n>', 'closed-model connections (VUs), 1..10000', intOption('--connections', 1, 10000))
    .option('-w, --warmup <seconds>', 'warm-up before measuring, not recorded, 0..600 s', secondsOption('--warmup', 0, 600))
    .option('--warmup-load <load>', WARMUP_LOAD_HELP, warmupLoadOption, 'scenario')
    .option('--trials <n>', 'repeat every target n times, interleaved, 1..100', intOption('--trials', 1, 100), 1)
    .option('-o, --out <dir>', 'results folder (default results/<timestamp>-<scenario>)')
    .option('--host <addr>', 'interface our targets bind to', '127.0.0.1')
    .option('--allow-remote', 'allow load on a non-loopback address (only machines you own)')
    .option('--verify', 'run the conformance suite on --url targets too')
    .option('--no-verify', 'skip the conformance check of our targets (not recommended)')
    .option('--request-timeout <seconds>', 'per-request timeout, 0.1..120 s', secondsOption('--request-timeout', 0.1, 120), 10)
    .option('--ready-timeout <seconds>', 'time a target may take to start, 1..300 s', secondsOption('--ready-timeout', 1, 300), 30)
    .option('--runner <name>', 'force a load generator: autocannon, open or grpc (default: the first that can run the executor and the scenario\'s protocol)')
    .option('--rate <n>', `open model: arrivals per second, 0.1..${MAX_RATE_FLAG} (a constant-vus scenario becomes constant-arrival-rate)`, rateOption)
    .option('--generator-threads <n>', 'open and grpc runners: worker threads generating load, 1..64', intOption('--generator-threads', 1, 64))
    .option('--pin', 'put the generator and the targets on separate cores (taskset)')
    .option('--baseline <target>', 'target the reports compare others against (default: the first target)')
    .option('--inject-cpu-us <n>', 'busy work per request in our targets, microseconds 0..1000000 (to test the gate)', intOption('--inject-cpu-us', 0, 1_000_000))
    .option('--replicas <n>', 'micro targets: instances of users and of billing behind the gateway, 1..16', intOption('--replicas', 1, 16))
    .action(async (scenarioArg: string, flags: RunFlags, cmd: Command) => {
      const scenario = await loadScenario(scenarioArg);
      // Before any target starts: a threshold naming an unknown metric is a usage error, not a pass.
      let thresholds;
      try {
        thresholds = parseThresholds(scenario.thresholds, scenario.requests.map((r) => r.name));
      } catch (err) {
        if (err instanceof ThresholdError) throw new UsageError(`scenario "${scenario.name}": ${err.message}`);
        throw err;
      }
      const out = flags.out ?? defaultOutDir(scenario.name);
      const targets = chooseTargets(flags, out, scenario.defaults?.targets);
      const verifyFlag = cmd.getOptionValueSource('verify') === 'cli' ? flags.verify : undefined;
      checkProtocols(scenario, targets, verifyFlag);
      if (flags.replicas !== undefined && !targets.some((t) => t.axes.replicas !== undefined)) {
        throw new UsageError(`--replicas applies to micro targets (e.g. --targets 'micro-*'); selected: ${targets.map((t) => t.name).join(', ')}`);
      }
      const storageOptions = { ...storageTargetOptions(flags), ...brokerTargetOptions(flags) };
      const executor = applyRate(applyOverrides(scenario.executor, flags), flags.rate);
      checkExecutor(executor, scenario.name);
      checkRunner(executor, flags.runner, flags.generatorThreads, scenario);
      const warmupMs = flags.warmup !== undefined ? flags.warmup * 1000 : parseDurationMs(scenario.warmup ?? 0);
      const scenarioBaseline = scenario.defaults?.baseline;
      const baseline = flags.baseline ?? (targets.some((t) => t.name === scenarioBaseline) ? scenarioBaseline! : targets[0]!.name);
      if (!targets.some((t) => t.name === baseline)) {
        throw new UsageError(`--baseline "${baseline}" is not among the selected targets: ${targets.map((t) => t.name).join(', ')}`);
      }

      const placement = placeProcesses(flags.pin === true);
      const events = new BenchmarkEvents();
      const detach = attachProgress(events);
      writePartialResults(events, out);
      const controller = new AbortController();
      const release = onInterrupt(controller);
      try {
        const results = await runBenchmark(
          {
            scenario,
            targets,
            executor,
            warmupMs,
            warmupLoad: flags.warmupLoad,
            trials: flags.trials,
            ...(flags.runner ? { runner: flags.runner } : {}),
            verify: verifyFlag === true ? 'always' : verifyFlag === false ? 'never' : 'own',
            allowRemote: flags.allowRemote === true,
            host: flags.host,
            targetOptions: { ...storageOptions, ...(flags.injectCpuUs ? { injectCpuUs: flags.injectCpuUs } : {}), ...(flags.replicas ? { replicas: flags.replicas } : {}), ...(placement.targetCpus ? { cpus: placement.targetCpus } : {}) },
            ...(flags.generatorThreads ? { threads: flags.generatorThreads } : {}),
            readyTimeoutMs: flags.readyTimeout * 1000,
            requestTimeoutMs: flags.requestTimeout * 1000,
            baseline,
            command: ['bench', ...process.argv.slice(2)],
            recordedOptions: { ...flags, scenario: scenario.name, executor },
            placement: placement.description,
            thresholds,
          },
          events,
          controller.signal,
        );
        detach();
        const files = writeResultsFolder(out, results);
        process.stdout.write(terminalSummary(results));
        process.stdout.write(`\nresults: ${files.join(', ')}\n`);
        setExit(results.status === 'ok' && !thresholdsFailed(results) ? EXIT_OK : EXIT_FAILED);
      } finally {
        detach();
        release();
      }
    });
}

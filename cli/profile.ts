// bench profile <scenario> --target T --tool cpu-prof: one measured run of one target with a
// profiler attached, the profile files linked from the run's report.html.
//
// Only `node --cpu-prof` is offered: it needs no dependency and works through the targets'
// nodeArgs. clinic (doctor, flame) has to wrap the node command itself (`clinic doctor -- node
// main.js`), which spawnService cannot do yet, and it is a heavy dependency; it is left out
// rather than half-wired.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { runBenchmark } from '../harness/benchmark.js';
import { BenchmarkEvents } from '../harness/events.js';
import type { ProfileOutput } from '../reports/results.js';
import { parseDurationMs } from '../scenarios/duration.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from './errors.js';
import { oneTarget, secondsOption } from './options.js';
import { attachProgress } from './progress.js';
import { applyOverrides } from './run.js';
import { defaultOutDir, writeResultsFolder } from './results-folder.js';
import { loadScenario } from './scenario-loader.js';
import { onInterrupt } from './signals.js';

/** The one registry of profilers: what each adds to the target's node command. */
export const PROFILERS: Record<string, { describe: string; nodeArgs(dir: string): string[] }> = {
  'cpu-prof': {
    describe: 'V8 CPU profile of every target process (open the .cpuprofile in Chrome DevTools or speedscope)',
    nodeArgs: (dir) => ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  },
};

interface ProfileFlags {
  target: string;
  tool: string;
  duration?: number;
  warmup?: number;
  out?: string;
}

export function registerProfile(program: Command, setExit: (code: number) => void): void {
  program
    .command('profile')
    .description('run one target under a profiler and link the profile from the report')
    .argument('<scenario>', 'a built-in scenario name or a path to your own scenario file')
    .requiredOption('-t, --target <name>', 'the target to profile')
    .option('--tool <name>', `profiler: ${Object.keys(PROFILERS).join(', ')}`, 'cpu-prof')
    .option('-d, --duration <seconds>', 'measured window, 1..3600 s (constant executors)', secondsOption('--duration', 1, 3600))
    .option('-w, --warmup <seconds>', 'warm-up before measuring, 0..600 s', secondsOption('--warmup', 0, 600))
    .option('-o, --out <dir>', 'results folder (default results/<timestamp>-<scenario>-profile)')
    .action(async (scenarioArg: string, flags: ProfileFlags) => {
      const profiler = PROFILERS[flags.tool];
      if (!profiler) throw new UsageError(`unknown --tool "${flags.tool}"; valid tools: ${Object.keys(PROFILERS).join(', ')}`);
      const scenario = await loadScenario(scenarioArg);
      const spec = oneTarget(flags.target);
      const out = resolve(flags.out ?? `${defaultOutDir(scenario.name)}-profile`);
      const profileDir = join(out, 'profiles', `${spec.name}-${flags.tool}`);
      const events = new BenchmarkEvents();
      const detach = attachProgress(events);
      const controller = new AbortController();
      const release = onInterrupt(controller);
      try {
        const results = await runBenchmark(
          {
            scenario,
            targets: [spec],
            executor: applyOverrides(scenario.executor, flags.duration !== undefined ? { duration: flags.duration } : {}),
            warmupMs: flags.warmup !== undefined ? flags.warmup * 1000 : parseDurationMs(scenario.warmup ?? 0),
            trials: 1,
            verify: 'own',
            allowRemote: false,
            host: '127.0.0.1',
            targetOptions: { nodeArgs: profiler.nodeArgs(profileDir) },
            readyTimeoutMs: 30_000,
            requestTimeoutMs: 10_000,
            baseline: spec.name,
            command: ['bench', ...process.argv.slice(2)],
            recordedOptions: { ...flags, scenario: scenario.name },
            placement: 'none: generator and targets share all cores',
          },
          events,
          controller.signal,
        );
        detach();
        let files: string[] = [];
        try {
          files = readdirSync(profileDir).sort();
        } catch {
          // the target wrote nothing
        }
        // The profile covers the process's whole life (start, seed and warm-up too), not only the measured window.
        results.profiles = files.map((f): ProfileOutput => ({ target: spec.name, trial: 1, tool: flags.tool, path: relative(out, join(profileDir, f)) }));
        const written = writeResultsFolder(out, results);
        process.stdout.write(`${files.length ? `profiles:\n${files.map((f) => `  ${join(profileDir, f)}`).join('\n')}` : `no profile was written to ${profileDir}`}\n`);
        process.stdout.write(`results: ${written.join(', ')}\n`);
        setExit(results.status === 'ok' && files.length > 0 ? EXIT_OK : EXIT_FAILED);
      } finally {
        detach();
        release();
      }
    });
}

// bench profile <scenario> --target T --tool cpu-prof|clinic-doctor|clinic-flame: one measured
// run of one target with a profiler attached, the profiler's output linked from report.html.
//
// The profilers are in profilers/ (one registry). cpu-prof adds `--cpu-prof` to the node flags
// of every process of the target (cluster workers and per-request processes included). The
// clinic tools wrap every service process the target spawns in a clinic host
// (targets/lifecycle/wrap.ts, clinic-host.ts), so micro targets get one report per service;
// after the run clinic renders each process's data to HTML. clinic cannot follow node:cluster
// workers nor per-request processes: those targets are refused with exit 2.
//
// Output: <out>/profiles/<target>-<tool>/ (.cpuprofile files, or <service>.clinic-<tool>/ data
// folders and their .html). Every profile covers the process's whole life (start, seed and
// warm-up too), not only the measured window. Exit 1 when the profiler left nothing.
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { runBenchmark } from '../harness/benchmark.js';
import { BenchmarkEvents } from '../harness/events.js';
import { buildPlan } from '../harness/plan.js';
import type { ProfileOutput } from '../record/results.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../common/errors.js';
import { oneTarget, secondsOption } from './options.js';
import { attachProgress } from './progress.js';
import { PROFILERS } from './profilers/index.js';
import { defaultOutDir, writeResultsFolder } from './results-folder.js';
import { loadScenario } from '../scenarios/source.js';
import { onInterrupt } from './signals.js';
import { addPlaybookOptions, playbookRequest, type PlaybookFlags } from './switch-flags.js';

interface ProfileFlags extends PlaybookFlags {
  target: string;
  tool: string;
  duration?: number;
  warmup?: number;
  out?: string;
}

export function registerProfile(program: Command, setExit: (code: number) => void): void {
  addPlaybookOptions(program.command('profile'))
    .description('run one target under a profiler and link the profile from the report')
    .argument('<scenario>', 'a built-in scenario name or a path to your own scenario file')
    .requiredOption('-t, --target <name>', 'the target to profile')
    .option('--tool <name>', `profiler: ${Object.keys(PROFILERS).join(', ')}`, 'cpu-prof')
    .option('-d, --duration <duration>', 'measured window, 1s..1h (constant executors)', secondsOption('--duration', 1, 3600))
    .option('-w, --warmup <duration>', 'warm-up before measuring, 0s..10m', secondsOption('--warmup', 0, 600))
    .option('-o, --out <dir>', 'results folder (default results/<timestamp>-<scenario>-profile)')
    .addHelpText('after', `\nProfilers:\n${Object.entries(PROFILERS).map(([name, p]) => `  ${name.padEnd(14)} ${p.describe}`).join('\n')}\n`)
    .action(async (scenarioArg: string, flags: ProfileFlags) => {
      const profiler = PROFILERS[flags.tool];
      if (!profiler) throw new UsageError(`unknown --tool "${flags.tool}"; valid tools: ${Object.keys(PROFILERS).join(', ')}`);
      const { scenario, source: scenarioSource } = await loadScenario(scenarioArg);
      const spec = oneTarget(flags.target);
      const refusal = profiler.refuses?.(spec);
      if (refusal) throw new UsageError(refusal);
      const out = resolve(flags.out ?? `${defaultOutDir(scenario.name)}-profile`);
      const profileDir = join(out, 'profiles', `${spec.name}-${flags.tool}`);
      const plan = await buildPlan({
        ...playbookRequest(flags),
        scenario,
        scenarioSource,
        targets: [spec.name],
        durationS: flags.duration,
        warmupS: flags.warmup,
        targetOptions: profiler.targetOptions(profileDir),
        command: ['bench', ...process.argv.slice(2)],
        recorded: { ...flags },
      });
      const events = new BenchmarkEvents();
      const detach = attachProgress(events);
      const controller = new AbortController();
      const release = onInterrupt(controller);
      try {
        const results = await runBenchmark(plan, events, controller.signal);
        detach();
        const { files, problems } = await profiler.outputs(profileDir);
        results.profiles = files.map((f): ProfileOutput => ({ target: spec.name, trial: 1, tool: flags.tool, path: relative(out, f) }));
        const written = writeResultsFolder(out, results);
        for (const p of problems) process.stderr.write(`${p}\n`);
        if (files.length) process.stdout.write(`profiles:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
        else process.stderr.write(`error: ${flags.tool} produced no output in ${profileDir} (a profiler writes when the target's processes exit; see the errors above)\n`);
        process.stdout.write(`results: ${written.join(', ')}\n`);
        setExit(results.status === 'ok' && files.length > 0 && problems.length === 0 ? EXIT_OK : EXIT_FAILED);
      } finally {
        detach();
        release();
      }
    });
}

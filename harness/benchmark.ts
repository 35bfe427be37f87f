// A whole benchmark: every target, every trial, interleaved (A B C A B C ...) so that
// machine drift hits all targets alike. Returns the results; prints nothing.
import { aggregate } from '../analysis/aggregate.js';
import { SCHEMA_VERSION, type Results, type RunResult, type RunStatus } from '../record/results.js';
import { evaluateThresholds } from '../analysis/thresholds.js';
import { TargetUnavailableError } from '../targets/target.js';
import { environment } from './env.js';
import type { BenchmarkEvents } from './events.js';
import type { BenchmarkPlan } from './plan.js';
import { runTrial } from './run-trial.js';

function overallStatus(runs: RunResult[], interrupted: boolean): RunStatus {
  if (interrupted) return 'interrupted';
  return runs.some((r) => r.status !== 'ok') ? 'failed' : 'ok';
}

export async function runBenchmark(opts: BenchmarkPlan, events: BenchmarkEvents, signal: AbortSignal): Promise<Results> {
  const results: Results = {
    schemaVersion: SCHEMA_VERSION,
    scenario: {
      name: opts.scenario.name,
      description: opts.scenario.description,
      warmupS: opts.warmupMs / 1000,
      warmupLoad: opts.warmupLoad,
      seed: Object.fromEntries(Object.entries(opts.scenario.seed ?? {}).filter(([, v]) => typeof v === 'number')) as Record<string, number>,
    },
    command: opts.command,
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
    status: 'ok',
    interrupted: false,
    baseline: opts.baseline,
    env: environment(opts.recordedOptions, opts.placement),
    skipped: [],
    runs: [],
    thresholds: [],
  };
  const snapshot = () => {
    results.finishedAt = new Date().toISOString();
    results.interrupted = signal.aborted;
    results.status = overallStatus(results.runs, signal.aborted);
    events.emit('snapshot', results);
  };
  snapshot();

  for (let trial = 1; trial <= opts.trials && !signal.aborted; trial++) {
    for (const spec of opts.targets) {
      if (signal.aborted) break;
      if (results.skipped.some((s) => s.target === spec.name)) continue;
      const verify =
        trial === 1 && !spec.reference && (opts.verify === 'always' || (opts.verify === 'own' && spec.axes.topology !== 'external'));
      const run = await runTrial(
        { ...opts, spec, trial, verify },
        events,
        signal,
      ).catch((err: unknown) => {
        if (err instanceof TargetUnavailableError) return err;
        throw err;
      });
      if (run instanceof TargetUnavailableError) {
        // Its other trials are skipped too; the other targets still run.
        const skip = { target: spec.name, reason: run.message };
        results.skipped.push(skip);
        events.emit('skip', skip);
        snapshot();
        continue;
      }
      results.runs.push(run);
      events.emit('run', run);
      snapshot();
    }
  }
  // Statistics and thresholds need every trial: computed once, after the last run.
  results.aggregates = aggregate(results);
  results.thresholds = evaluateThresholds(opts.thresholds, results);
  snapshot();
  return results;
}

// A whole benchmark: every target, every trial, interleaved (A B C A B C ...) so that
// machine drift hits all targets alike. Returns the results; prints nothing.
import { aggregate } from '../analysis/aggregate.js';
import { SCHEMA_VERSION, type Results, type RunInProgress, type RunResult, type RunStatus } from '../record/results.js';
import type { TickStats } from '../runners/runner.js';
import { evaluateThresholds } from '../analysis/thresholds.js';
import { TargetUnavailableError } from '../targets/target.js';
import { environment } from './env.js';
import type { BenchmarkEvents, PhaseEvent } from './events.js';
import { removeStaleDataDirs } from './data-dir.js';
import type { BenchmarkPlan } from './plan.js';
import { runTrial } from './run-trial.js';
import { executorDurationMs } from '../scenarios/executor.js';
import { parseDurationMs } from '../common/duration.js';

const PARTIAL_EVERY_MS = 3000;

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
    status: 'running',
    interrupted: false,
    baseline: opts.baseline,
    env: environment(opts.recordedOptions, opts.placement),
    skipped: [],
    runs: [],
    thresholds: [],
  };
  // Partial snapshots say `running` and carry the run under way, so a file left by a SIGKILL
  // never claims a finished, ok run; only the final snapshot gives the overall status.
  let inProgress: RunInProgress | undefined;
  const snapshot = (final = false) => {
    results.finishedAt = new Date().toISOString();
    results.interrupted = signal.aborted;
    results.status = final ? overallStatus(results.runs, signal.aborted) : 'running';
    if (inProgress && !final) results.inProgress = { ...inProgress };
    else delete results.inProgress;
    events.emit('snapshot', results);
  };
  const onPhase = (p: PhaseEvent) => {
    inProgress = { target: p.target, trial: p.trial, phase: p.phase };
    snapshot();
  };
  const onTick = (t: PhaseEvent & TickStats) => {
    inProgress = { target: t.target, trial: t.trial, phase: t.phase, elapsedS: Math.round(t.elapsedMs / 100) / 10, requests: t.requests, errors: t.errors };
  };
  events.on('phase', onPhase);
  events.on('tick', onTick);
  // During a long phase the partial file still moves: what is known so far, every few seconds.
  const timer = setInterval(() => snapshot(), PARTIAL_EVERY_MS);
  timer.unref();
  try {
    return await runAll(opts, events, signal, results, snapshot, () => (inProgress = undefined));
  } finally {
    clearInterval(timer);
    events.off('phase', onPhase);
    events.off('tick', onTick);
  }
}

async function runAll(opts: BenchmarkPlan, events: BenchmarkEvents, signal: AbortSignal, results: Results, snapshot: (final?: boolean) => void, runEnded: () => void): Promise<Results> {
  removeStaleDataDirs();
  events.emit('plan', {
    targets: opts.targets.map((t) => t.name),
    trials: opts.trials,
    warmupMs: opts.warmupMs,
    measureMs: executorDurationMs(opts.executor, parseDurationMs),
  });
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
        runEnded();
        results.skipped.push(skip);
        events.emit('skip', skip);
        snapshot();
        continue;
      }
      runEnded();
      results.runs.push(run);
      events.emit('run', run);
      snapshot();
    }
  }
  // Statistics and thresholds need every trial: computed once, after the last run.
  results.aggregates = aggregate(results);
  results.thresholds = evaluateThresholds(opts.thresholds, results);
  snapshot(true);
  return results;
}

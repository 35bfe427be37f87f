// bench ab: two builds of the user's service, base and head, measured interleaved in one job
// (base head base head ...), so machine drift hits both alike; then the regression gate
// between the two sides of that one run (the paired test: the rounds pair). With a cap above
// --trials it is sequential, as gate-check: while the gate's answer is UNKNOWN (some metric
// uncertain, none regressed) it runs --trials more rounds, up to the cap, each look at
// alpha / looks (analysis/sequential.ts). Returns data; prints nothing.
import { compareResults, type CompareOptions, type Comparison } from '../analysis/compare.js';
import { nextLook, planLooks } from '../analysis/sequential.js';
import { splitByTarget } from '../analysis/split.js';
import type { Results } from '../record/results.js';
import { runBenchmark } from './benchmark.js';
import type { BenchmarkEvents } from './events.js';
import { mergeSessions } from './gate/runs.js';
import type { BenchmarkPlan } from './plan.js';

/** Target names of the two sides in the run folder; the comparison pairs them under one name. */
export const AB_BASE = 'base';
export const AB_HEAD = 'head';
export const AB_COMPARED_AS = 'service';

export interface AbOutcome {
  results: Results;
  /** null when a run failed or was interrupted: there is nothing sound to gate on. */
  comparison: Comparison | null;
  /** The looks the sequential procedure took (trials per side at each). */
  looks: number[];
}

/**
 * The plan's targets are the two commands, base first (named AB_BASE and AB_HEAD by the
 * command that built it); the gate compares their runs of this one interleaved benchmark.
 * `maxTrials` (default plan.trials: one look) caps the sequential procedure.
 */
export async function runAb(plan: BenchmarkPlan, compare: CompareOptions, events: BenchmarkEvents, signal: AbortSignal, maxTrials = plan.trials): Promise<AbOutcome> {
  // One look (the default) spends the whole alpha and needs no sequential plan.
  const seq = maxTrials > plan.trials ? planLooks(plan.trials, maxTrials, compare.alpha) : { looks: [plan.trials], alpha: compare.alpha, lookAlpha: compare.alpha };
  const sessions: Results[] = [];
  const looks: number[] = [];
  let comparison: Comparison | null = null;
  for (let look = nextLook(seq, 0); look !== null; look = nextLook(seq, looks[looks.length - 1]!)) {
    const done = looks[looks.length - 1] ?? 0;
    sessions.push(await runBenchmark({ ...plan, trials: look - done }, events, signal));
    looks.push(look);
    const results = mergeSessions(sessions);
    if (results.status !== 'ok' || results.skipped.length) return { results, comparison: null, looks };
    const sides = splitByTarget(results, AB_BASE, AB_HEAD, AB_COMPARED_AS);
    comparison = compareResults(sides.base, sides.head, { ...compare, alpha: seq.lookAlpha }, { base: AB_BASE, head: AB_HEAD });
    // SAME (a clean pass) or DIFFERENT (a regression): stop; UNKNOWN: another look, if any.
    if (comparison.regressions > 0 || comparison.uncertain === 0 || signal.aborted) break;
  }
  return { results: mergeSessions(sessions), comparison, looks };
}

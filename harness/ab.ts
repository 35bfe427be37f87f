// bench ab: two builds of the user's service, base and head, measured interleaved in one job
// (base head base head ...), so machine drift hits both alike; then the regression gate
// between the two sides of that one run. Returns data; prints nothing.
import { compareResults, type CompareOptions, type Comparison } from '../analysis/compare.js';
import { splitByTarget } from '../analysis/split.js';
import type { Results } from '../record/results.js';
import { runBenchmark } from './benchmark.js';
import type { BenchmarkEvents } from './events.js';
import type { BenchmarkPlan } from './plan.js';

/** Target names of the two sides in the run folder; the comparison pairs them under one name. */
export const AB_BASE = 'base';
export const AB_HEAD = 'head';
export const AB_COMPARED_AS = 'service';

export interface AbOutcome {
  results: Results;
  /** null when a run failed or was interrupted: there is nothing sound to gate on. */
  comparison: Comparison | null;
}

/**
 * The plan's targets are the two commands, base first (named AB_BASE and AB_HEAD by the
 * command that built it); the gate compares their runs of this one interleaved benchmark.
 */
export async function runAb(plan: BenchmarkPlan, compare: CompareOptions, events: BenchmarkEvents, signal: AbortSignal): Promise<AbOutcome> {
  const results = await runBenchmark(plan, events, signal);
  if (results.status !== 'ok' || results.skipped.length) return { results, comparison: null };
  const sides = splitByTarget(results, AB_BASE, AB_HEAD, AB_COMPARED_AS);
  const comparison = compareResults(sides.base, sides.head, compare, { base: AB_BASE, head: AB_HEAD });
  return { results, comparison };
}

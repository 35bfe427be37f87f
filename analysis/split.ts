// One run that measured two targets interleaved (bench ab, bench compare --base-target) -> the
// two sides of a comparison, both under one target name, so compareResults pairs them as it
// pairs two runs of a target. Each side records where it came from (Results.interleaved), so
// that the comparison can pair trial i of one with trial i of the other.
import type { InterleavedSide, Results } from '../record/results.js';

/**
 * The trial indices that ran as rounds: the harness runs trial 1 of every target, then trial 2,
 * ... (harness/benchmark.ts), and runs[] keeps that order. When trial numbers never go down
 * along runs[], every trial index is one round and its runs are neighbours in time; a file
 * whose order says otherwise (merged, edited) gets no rounds and is compared unpaired.
 */
export function interleavedRounds(results: Results): number[] {
  const trials = results.runs.map((r) => r.trial);
  for (let i = 1; i < trials.length; i++) if (trials[i]! < trials[i - 1]!) return [];
  return [...new Set(trials)];
}

export function interleavedSide(results: Results, target: string): InterleavedSide | undefined {
  const rounds = interleavedRounds(results);
  return rounds.length ? { runStartedAt: results.startedAt, target, rounds } : undefined;
}

/** One target's runs of a multi-target run, renamed `as`, marked as an interleaved side. */
export function sideOfRun(results: Results, target: string, as: string): Results {
  const { aggregates: _dropped, interleaved: _was, ...rest } = results;
  const side = interleavedSide(results, target);
  return {
    ...rest,
    baseline: as,
    runs: results.runs.filter((r) => r.target === target).map((r) => ({ ...r, target: as })),
    skipped: results.skipped.filter((s) => s.target === target).map((s) => ({ ...s, target: as })),
    thresholds: [],
    ...(side ? { interleaved: side } : {}),
  };
}

export function splitByTarget(results: Results, baseTarget: string, headTarget: string, as: string): { base: Results; head: Results } {
  return { base: sideOfRun(results, baseTarget, as), head: sideOfRun(results, headTarget, as) };
}

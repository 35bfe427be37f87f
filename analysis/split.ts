// One run that measured two targets interleaved (bench ab) -> the two sides of a comparison,
// both under one target name, so compareResults pairs them as it pairs two runs of a target.
import type { Results } from '../record/results.js';

export function splitByTarget(results: Results, baseTarget: string, headTarget: string, as: string): { base: Results; head: Results } {
  const side = (target: string): Results => {
    const { aggregates: _dropped, ...rest } = results;
    return {
      ...rest,
      baseline: as,
      runs: results.runs.filter((r) => r.target === target).map((r) => ({ ...r, target: as })),
      skipped: results.skipped.filter((s) => s.target === target).map((s) => ({ ...s, target: as })),
      thresholds: [],
    };
  };
  return { base: side(baseTarget), head: side(headTarget) };
}

// Regressions between consecutive runs of a scenario, judged by the very comparison
// `bench compare` gates on, so the site and the CI gate never disagree.
import type { Results } from '../record/results.js';
import { CompareInputError, DEFAULT_ALPHA, DEFAULT_MIN_EFFECTS, compareResults } from './compare.js';
import type { MetricKey } from '../record/results.js';

export interface Verdicts {
  /** The run compared against: the same scenario's previous run by start time. */
  previous: string;
  regressed: Array<{ target: string; metric: MetricKey; reason: string }>;
  improved: Array<{ target: string; metric: MetricKey; reason: string }>;
  /** Why no comparison was possible (too few trials, no common target), when it was not. */
  note?: string;
}

export function verdictsBetween(previous: Results, current: Results, previousId: string): Verdicts {
  try {
    const c = compareResults(previous, current, { alpha: DEFAULT_ALPHA, minEffects: DEFAULT_MIN_EFFECTS });
    const pick = (v: 'regressed' | 'improved') => c.targets.flatMap((t) => t.metrics.filter((m) => m.verdict === v).map((m) => ({ target: t.target, metric: m.metric, reason: m.reason })));
    return { previous: previousId, regressed: pick('regressed'), improved: pick('improved') };
  } catch (err) {
    // Too few trials or no target in common: the trend still draws, unjudged, and says why.
    if (!(err instanceof CompareInputError)) throw err;
    return { previous: previousId, regressed: [], improved: [], note: err.message.split('\n')[0]! };
  }
}

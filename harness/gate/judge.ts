// How the gate judged one comparison: A/A (the same code twice: a regression is a false alarm)
// and A/B (B burns known extra CPU per request: a regression is a detection), by every test,
// exactly as `bench compare` would; and the rates over many comparisons.
import { DEFAULT_ALPHA, DEFAULT_MIN_EFFECTS, SIGNIFICANCE_TESTS, compareResults, CompareInputError, type Comparison, type SignificanceTest } from '../../analysis/compare.js';
import { median } from '../../analysis/stats.js';
import type { GateOutcome, GateSummary } from '../../record/gate.js';
import type { Results } from '../../record/results.js';

export type { GateOutcome, GateSummary };

/** Which metrics regressed, e.g. "cpuMsPerRequest +16.1%". */
export function regressedMetrics(c: Comparison): string[] {
  return c.targets.flatMap((t) =>
    t.metrics.filter((m) => m.verdict === 'regressed').map((m) => `${m.label} ${m.ratio ? `${((m.ratio.median - 1) * 100).toFixed(1)}%` : ''}`.trim()),
  );
}

const medianOrNull = (xs: Array<number | null>): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? median(v) : null;
};

export function summarizeGate(all: GateOutcome[], test: SignificanceTest, meta: Pick<GateSummary, 'baseCpuMsPerRequest' | 'trialsPerSide' | 'order' | 'alpha'>): GateSummary {
  const outcomes = all.filter((o) => o.test === test);
  const aa = outcomes.filter((o) => o.kind === 'A/A');
  const ab = outcomes.filter((o) => o.kind === 'A/B');
  return {
    test,
    injectCpuUs: medianOrNull(ab.map((o) => o.injectCpuUs)) ?? 0,
    medianCpuChangeAB: medianOrNull(ab.map((o) => o.cpuChange)),
    medianCpuChangeAA: medianOrNull(aa.map((o) => o.cpuChange)),
    comparisons: aa.length,
    falseAlarms: aa.filter((o) => o.regressed && o.regressed.length > 0).length,
    detections: ab.filter((o) => o.regressed && o.regressed.length > 0).length,
    unusable: outcomes.filter((o) => o.regressed === null).length,
    ...meta,
  };
}

/** The three sides of one comparison: base A, head A' (the same code) and head B (A plus busy work). */
export interface GateRuns {
  index: number;
  injectCpuUs: number;
  base: Results;
  same: Results;
  slower: Results;
}

export const cpuOf = (r: Results) => r.runs.map((x) => x.cpuMsPerRequest).filter((v): v is number => v !== null);

export function cpuChange(base: Results, head: Results): number | null {
  const a = cpuOf(base);
  const b = cpuOf(head);
  return a.length && b.length && median(a) > 0 ? median(b) / median(a) - 1 : null;
}

/** A/A and A/B of one comparison, judged by every test, as `bench compare` would. */
export function judgeRuns(r: GateRuns, alpha = DEFAULT_ALPHA): GateOutcome[] {
  const judge = (kind: GateOutcome['kind'], test: SignificanceTest, injectCpuUs: number, head: Results): GateOutcome => {
    const shell = { index: r.index, kind, test, injectCpuUs, cpuChange: cpuChange(r.base, head) };
    try {
      return { ...shell, regressed: regressedMetrics(compareResults(r.base, head, { alpha, minEffects: DEFAULT_MIN_EFFECTS, test })) };
    } catch (err) {
      if (err instanceof CompareInputError) return { ...shell, regressed: null, note: err.message.split('\n')[0]! };
      throw err;
    }
  };
  return SIGNIFICANCE_TESTS.flatMap((test) => [judge('A/A', test, 0, r.same), judge('A/B', test, r.injectCpuUs, r.slower)]);
}


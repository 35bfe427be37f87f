// How the gate judged one comparison: A/A (the same code twice: a regression is a false alarm)
// and A/B (B burns known extra CPU per request: a regression is a detection), by every test,
// exactly as `bench compare` would; and the rates over many comparisons.
import { DEFAULT_MIN_EFFECTS, PAIRED_TESTS, SIGNIFICANCE_TESTS, compareResults, CompareInputError, type Comparison, type MinEffects } from '../../analysis/compare.js';
import type { SequentialAnswer } from '../../analysis/sequential.js';
import { median } from '../../analysis/stats.js';
import type { GateOutcome, GateSummary, GateTest, PairedTest } from '../../record/gate.js';
import type { Results } from '../../record/results.js';

export type { GateOutcome, GateSummary };

/** Every test a gate-check reports: the paired ones first (the gate's own on interleaved runs). */
export const GATE_TESTS: readonly GateTest[] = [...PAIRED_TESTS, ...SIGNIFICANCE_TESTS];

export const isPairedTest = (t: GateTest): t is PairedTest => (PAIRED_TESTS as readonly GateTest[]).includes(t);

/** Which metrics regressed, e.g. "cpuMsPerRequest +16.1%". */
export function regressedMetrics(c: Comparison): string[] {
  return c.targets.flatMap((t) =>
    t.metrics.filter((m) => m.verdict === 'regressed').map((m) => `${m.label} ${m.ratio ? `${((m.ratio.median - 1) * 100).toFixed(1)}%` : ''}`.trim()),
  );
}

const medianOrNull = (xs: Array<number | null | undefined>): number | null => {
  const v = xs.filter((x): x is number => typeof x === 'number');
  return v.length ? median(v) : null;
};

type SummaryMeta = Pick<GateSummary, 'baseCpuMsPerRequest' | 'trialsPerSide' | 'order' | 'alpha' | 'maxTrials' | 'lookAlpha' | 'minEffect'>;

export function summarizeGate(all: GateOutcome[], test: GateTest, meta: SummaryMeta): GateSummary {
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
    medianTrials: medianOrNull(outcomes.map((o) => o.trials)),
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

export interface JudgeOptions {
  alpha: number;
  /** Default: compare's (DEFAULT_MIN_EFFECTS). */
  minEffects?: MinEffects;
}

/** One comparison by one test, with Pinpoint's answer: a regression is DIFFERENT, a clean pass SAME, the rest UNKNOWN. */
export function judgeOne(kind: GateOutcome['kind'], test: GateTest, index: number, injectCpuUs: number, base: Results, head: Results, opts: JudgeOptions): { outcome: GateOutcome; answer: SequentialAnswer } {
  const shell = { index, kind, test, injectCpuUs, cpuChange: cpuChange(base, head), trials: Math.min(cpuOf(base).length, cpuOf(head).length) };
  try {
    const c = compareResults(base, head, {
      alpha: opts.alpha,
      minEffects: opts.minEffects ?? DEFAULT_MIN_EFFECTS,
      ...(isPairedTest(test) ? { pairing: 'auto' as const, pairedTest: test } : { test, pairing: 'off' as const }),
    });
    if (isPairedTest(test) && !c.pairing.paired) return { outcome: { ...shell, regressed: null, note: c.pairing.reason }, answer: 'UNKNOWN' };
    const regressed = regressedMetrics(c);
    const answer: SequentialAnswer = regressed.length ? 'DIFFERENT' : c.gate === 'pass' ? 'SAME' : 'UNKNOWN';
    return { outcome: { ...shell, regressed, answer }, answer };
  } catch (err) {
    if (err instanceof CompareInputError) return { outcome: { ...shell, regressed: null, note: err.message.split('\n')[0]! }, answer: 'UNKNOWN' };
    throw err;
  }
}

/** A/A and A/B of one comparison, judged by every test that applies, as `bench compare` would. */
export function judgeRuns(r: GateRuns, opts: JudgeOptions, tests: readonly GateTest[] = GATE_TESTS): GateOutcome[] {
  const paired = r.base.interleaved !== undefined;
  return tests
    .filter((t) => paired || !isPairedTest(t))
    .flatMap((test) => [judgeOne('A/A', test, r.index, 0, r.base, r.same, opts).outcome, judgeOne('A/B', test, r.index, r.injectCpuUs, r.base, r.slower, opts).outcome]);
}

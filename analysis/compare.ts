// Base vs head: per target and metric, the ratio with its interval and a verdict. A metric
// regresses only when BOTH a statistical test over trials says the difference is real AND
// the change is at least the minimum effect (Perfherder / Pinpoint / criterion style).
import type { PairedTest, SignificanceTest } from '../record/gate.js';
import { METRICS, usableRuns, targetNames, type MetricDef } from './aggregate.js';
import type { MetricKey, Results, TrialEstimate } from '../record/results.js';
import { estimate, mannWhitney, onLogs, ratioOfMedians, smallestMannWhitneyP, welchT, yuenT } from './stats.js';
import { UsageError } from '../common/errors.js';
import { settingDifferences } from './differences.js';
import { pairedTest, pairingOf, roundPairs } from './paired.js';
import { detectableShift, unpairedMde } from './mde.js';
import type { RunResult } from '../record/results.js';

export type Verdict = 'improved' | 'regressed' | 'unchanged' | 'uncertain';

/**
 * Significance level of the two-sided test. 0.01, as Chromium's Pinpoint: one comparison
 * tests 8 metrics per target, so at 0.05 an A/A comparison would raise a false alarm up to
 * 8 x 5% of the time; at 0.01 at most 8 x 1%, before the minimum-effect filter removes most
 * of those. For Mann-Whitney with 5 trials per side the smallest possible p is 2/C(10,5) =
 * 0.0079 (every head trial beyond every base trial), so 5 trials can detect and 4 cannot
 * (0.029): fewer are refused rather than waved through.
 */
export const DEFAULT_ALPHA = 0.01;

/** Minimum relative change worth a verdict (errorRate: absolute difference in rate). */
export type MinEffects = Record<MetricKey, number>;

/**
 * CPU per request: 3%, not DESIGN.md's 10%. The 10% guarded an unpaired test against the
 * machine's drift; with base and head interleaved the paired test cancels the drift, and where
 * the noise cannot resolve 3% the metric is reported uncertain with the effect it can resolve
 * (its MDE) instead of regressed, so a lower bar no longer buys false alarms. 3% lets a 5%
 * regression clear it even when the runs measure it a little low (docs/ci.md).
 */
export const DEFAULT_MIN_EFFECTS: MinEffects = {
  rps: 0.05,
  p50: 0.1,
  p90: 0.1,
  p99: 0.1,
  p999: 0.1,
  cpuMsPerRequest: 0.03,
  rssMb: 0.1,
  errorRate: 0.01,
};

/**
 * The test over trials, all two-sided, the t-tests on the logarithms (tests of the ratio).
 * 'welch': Welch's t-test (hyperfine's and Perfherder's); it weighs how far apart the sides
 * are, so one trial of five out of line widens it rather than vetoing. 'yuen': Yuen's
 * 20%-trimmed t-test (SciPy's ttest_ind(trim=0.2)): a stray trial neither shifts nor widens
 * it, but trimming 5 trials leaves 3 and few degrees of freedom, so below ~10 trials per side
 * it detected less than Welch on the same gate-check runs. 'mann-whitney': the exact rank
 * test (Pinpoint's); at alpha 0.01 with 5 trials per side it speaks only when every head
 * trial lies beyond every base trial.
 */
export type { SignificanceTest };
export const SIGNIFICANCE_TESTS: readonly SignificanceTest[] = ['welch', 'yuen', 'mann-whitney'];
export const DEFAULT_TEST: SignificanceTest = 'welch';

/** The test a comparison applied: the paired one when base and head ran interleaved, else the unpaired one asked for. */
export type AppliedTest = SignificanceTest | PairedTest;
export type { PairedTest };
export const PAIRED_TESTS: readonly PairedTest[] = ['paired-t', 'paired-yuen'];
export const DEFAULT_PAIRED_TEST: PairedTest = 'paired-t';

export const TEST_TEXT: Record<AppliedTest, string> = {
  'paired-t': 'a two-sided paired t-test on log(head/base) of the trials run side by side (trial i of each in round i of one interleaved run)',
  'paired-yuen': "a two-sided paired Yuen test (20% trimmed mean) on log(head/base) of the trials run side by side (trial i of each in round i of one interleaved run)",
  welch: "a two-sided Welch t-test on the logarithms of the trials' values",
  yuen: "a two-sided Yuen (20% trimmed) t-test on the logarithms of the trials' values",
  'mann-whitney': 'a two-sided exact Mann-Whitney U test over trials',
};

export interface CompareOptions {
  alpha: number;
  minEffects: MinEffects;
  /** Default: DEFAULT_TEST. */
  test?: SignificanceTest;
  /** Fail the gate when any metric is uncertain, not only on a regression (--fail-on-uncertain). */
  failOnUncertain?: boolean;
  /** 'auto' (default): the paired test when the data shows base and head ran interleaved; 'off': always the unpaired `test`. */
  pairing?: 'auto' | 'off';
  /** The paired test when pairing applies; default DEFAULT_PAIRED_TEST. */
  pairedTest?: PairedTest;
}

/**
 * The gate's outcome: 'fail' on a regression (or, with failOnUncertain, on any uncertain
 * metric); 'inconclusive' when nothing regressed but some metric could not be judged, so the
 * pass says less than it seems; 'pass' when every metric was judged and none regressed.
 */
export type GateStatus = 'pass' | 'inconclusive' | 'fail';

export interface MetricComparison {
  metric: MetricKey;
  label: string;
  better: 'higher' | 'lower';
  base: TrialEstimate | null;
  head: TrialEstimate | null;
  /** head / base of the medians with a 95% bootstrap interval; null without data or with a zero base. */
  ratio: TrialEstimate | null;
  /** head - base of the medians (what errorRate is judged on). */
  difference: number | null;
  /** Two-sided p-value of the comparison's test. */
  p: number | null;
  minEffect: number;
  /**
   * Minimum detectable effect: the change the test would call significant at alpha with 80%
   * power given the noise seen (relative; absolute for the error rate); null without 2+ values a side.
   */
  mde: number | null;
  verdict: Verdict;
  reason: string;
}

export interface TargetComparison {
  target: string;
  baseTrials: number;
  headTrials: number;
  /** The test applied to this target's metrics. */
  test: AppliedTest;
  /** Pairs (rounds) the paired test used; 0 when unpaired. */
  pairs: number;
  metrics: MetricComparison[];
}

export interface RunInfo {
  label: string;
  scenario: string;
  startedAt: string;
  gitCommit: string | null;
  command: string;
  workload: string;
}

export interface Comparison {
  scenario: string;
  base: RunInfo;
  head: RunInfo;
  alpha: number;
  /** The unpaired test asked for (--test); each target says which test it applied. */
  test: SignificanceTest;
  /** Whether base and head could be paired, and why (the data decides: analysis/paired.ts). */
  pairing: { paired: boolean; reason: string };
  minEffects: MinEffects;
  targets: TargetComparison[];
  onlyInBase: string[];
  onlyInHead: string[];
  /** Differences that do not make the comparison unusable but that a reader must know. */
  warnings: string[];
  regressions: number;
  improvements: number;
  uncertain: number;
  unchanged: number;
  /** Metrics judged, over every compared target. */
  judged: number;
  failOnUncertain: boolean;
  gate: GateStatus;
}

export function gateStatus(c: Pick<Comparison, 'regressions' | 'uncertain' | 'failOnUncertain'>): GateStatus {
  if (c.regressions > 0) return 'fail';
  if (c.uncertain > 0) return c.failOnUncertain ? 'fail' : 'inconclusive';
  return 'pass';
}

/** Input that cannot be compared: exit code 2, with a message that says why. */
export class CompareInputError extends UsageError {
  constructor(message: string) {
    super(`cannot compare: ${message}`, 'ERR_COMPARE_INPUT');
  }
}

/**
 * Fewest trials per side with which the test can reach `alpha` at all (Mann-Whitney), or
 * estimate a spread worth the name (Welch: 3, so each side has 2 degrees of freedom).
 */
export function minTrialsFor(alpha: number, test: SignificanceTest = DEFAULT_TEST): number {
  if (test !== 'mann-whitney') return 3;
  for (let n = 2; n <= 100; n++) if (smallestMannWhitneyP(n, n) <= alpha) return n;
  return 100;
}

function enoughTrials(nb: number, nh: number, alpha: number, test: SignificanceTest): boolean {
  if (nb === 0 || nh === 0) return false;
  if (test !== 'mann-whitney') return Math.min(nb, nh) >= minTrialsFor(alpha, test);
  return smallestMannWhitneyP(nb, nh) <= alpha;
}

function pValue(test: SignificanceTest, a: number[], b: number[]): number {
  if (test === 'mann-whitney') return mannWhitney(a, b).p;
  return onLogs(test === 'yuen' ? yuenT : welchT, a, b).p;
}

function info(label: string, r: Results): RunInfo {
  return {
    label,
    scenario: r.scenario.name,
    startedAt: r.startedAt,
    gitCommit: r.env.gitCommit,
    command: r.command.join(' '),
    workload: r.runs[0]?.workload.description ?? '',
  };
}

function relativeChange(def: MetricDef, m: Pick<MetricComparison, 'ratio' | 'difference'>): number | null {
  if (def.kind === 'errors') return m.difference;
  return m.ratio ? m.ratio.median - 1 : null;
}

const pctText = (x: number) => `${(x * 100).toFixed(1)}%`;

function mdeText(def: MetricDef, mde: number): string {
  if (!Number.isFinite(mde)) return 'nothing (too few values)';
  return def.kind === 'errors' ? `${(mde * 100).toFixed(2)} pp` : pctText(mde);
}

/** What the test gives for one metric: p, the ratio shown (with its interval), the MDE. */
interface TestOutcome {
  p: number;
  ratio: TrialEstimate | null;
  mde: number | null;
}

function unpairedOutcome(test: SignificanceTest, a: number[], b: number[], alpha: number): TestOutcome {
  // A side with a single value (a trial failed) cannot give a spread: only the rank test speaks.
  const p = a.length >= 2 && b.length >= 2 ? pValue(test, a, b) : mannWhitney(a, b).p;
  const logs = [...a, ...b].every((v) => v > 0);
  const mde = a.length >= 2 && b.length >= 2 ? unpairedMde(a, b, alpha, logs) : null;
  return { p, ratio: ratioOfMedians(a, b), mde };
}

function pairedOutcome(test: PairedTest, pairs: Array<[number, number]>, alpha: number): TestOutcome {
  const t = pairedTest(test, pairs);
  const ratio = t.onLogs ? { median: Math.exp(t.mean), ci: { lo: Math.exp(t.lo), hi: Math.exp(t.hi) }, n: t.n } : ratioOfMedians(pairs.map((x) => x[0]), pairs.map((x) => x[1]));
  const mde = t.onLogs ? Math.expm1(detectableShift(t.se, t.df, alpha)) : null;
  return { p: t.p, ratio, mde };
}

function judge(def: MetricDef, a: number[], b: number[], opts: CompareOptions, pairs: Array<[number, number]> | null): MetricComparison {
  const minEffect = opts.minEffects[def.key];
  const base = a.length ? estimate(a) : null;
  const head = b.length ? estimate(b) : null;
  const shell = { metric: def.key, label: def.label, better: def.better, base, head, minEffect };
  if (!base && !head) return { ...shell, ratio: null, difference: null, p: null, mde: null, verdict: 'unchanged', reason: 'not measured on either side' };
  if (!base || !head) return { ...shell, ratio: null, difference: null, p: null, mde: null, verdict: 'uncertain', reason: `measured only in ${base ? 'base' : 'head'}` };
  const outcome = pairs && pairs.length >= 2 ? pairedOutcome(opts.pairedTest ?? DEFAULT_PAIRED_TEST, pairs, opts.alpha) : unpairedOutcome(opts.test ?? DEFAULT_TEST, a, b, opts.alpha);
  const { ratio, p } = outcome;
  const mde = outcome.mde ?? (def.kind === 'errors' && a.length >= 2 && b.length >= 2 ? unpairedMde(a, b, opts.alpha, false) : null);
  const difference = head.median - base.median;
  const change = relativeChange(def, { ratio, difference });
  const effectText = def.kind === 'errors' ? `${(difference * 100).toFixed(2)} pp` : change === null ? 'no ratio (zero base)' : `${change >= 0 ? '+' : ''}${pctText(change)}`;
  const common = { ...shell, ratio, difference, p, mde };
  if (change === null) {
    // Zero base median (e.g. no errors before): only the test can speak.
    if (p <= opts.alpha && difference !== 0) {
      const worse = def.better === 'lower' ? difference > 0 : difference < 0;
      return { ...common, verdict: worse ? 'regressed' : 'improved', reason: `from zero, p=${p.toFixed(3)}` };
    }
    return { ...common, verdict: difference === 0 ? 'unchanged' : 'uncertain', reason: `zero base, p=${p.toFixed(3)}` };
  }
  const significant = p <= opts.alpha;
  const large = Math.abs(change) >= minEffect;
  if (significant && large) {
    const worse = def.better === 'lower' ? change > 0 : change < 0;
    return { ...common, verdict: worse ? 'regressed' : 'improved', reason: `${effectText} (p=${p.toFixed(3)} <= ${opts.alpha}, beyond ${minEffectText(def, minEffect)})` };
  }
  if (significant) return { ...common, verdict: 'unchanged', reason: `${effectText}: real (p=${p.toFixed(3)}) but below ${minEffectText(def, minEffect)}` };
  // Not significant: unchanged only if the interval rules out an effect of the minimum size.
  const within =
    def.kind === 'errors'
      ? Math.abs(difference) < minEffect
      : ratio !== null && ratio.ci.lo > 1 - minEffect && ratio.ci.hi < 1 + minEffect;
  if (within) return { ...common, verdict: 'unchanged', reason: `${effectText}, interval within ${minEffectText(def, minEffect)}` };
  // Say what the run could have seen: "cannot resolve 5% here; this run resolves 8.1%".
  if (mde !== null && mde > minEffect) {
    return { ...common, verdict: 'uncertain', reason: `${effectText}, p=${p.toFixed(3)}: cannot resolve ${minEffectText(def, minEffect).slice(1)} here; this run resolves ${mdeText(def, mde)} (more trials narrow it)` };
  }
  return { ...common, verdict: 'uncertain', reason: `${effectText}, p=${p.toFixed(3)}: too noisy to tell (more trials narrow it)` };
}

export function minEffectText(def: Pick<MetricDef, 'kind'>, minEffect: number): string {
  return def.kind === 'errors' ? `±${(minEffect * 100).toFixed(2)} pp` : `±${(minEffect * 100).toFixed(0)}%`;
}

function assertComparable(base: Results, head: Results, alpha: number, test: SignificanceTest, common: string[], paired: boolean): void {
  if (base.scenario.name !== head.scenario.name) {
    throw new CompareInputError(`different scenarios: base ran "${base.scenario.name}", head ran "${head.scenario.name}"; compare runs of the same scenario`);
  }
  if (common.length === 0) {
    throw new CompareInputError(`no target in common: base has ${targetNames(base).join(', ') || 'none'}, head has ${targetNames(head).join(', ') || 'none'}`);
  }
  const need = minTrialsFor(alpha, test);
  const short: string[] = [];
  for (const t of common) {
    const nb = usableRuns(base.runs, t).length;
    const nh = usableRuns(head.runs, t).length;
    // The paired test needs 3 rounds (2 degrees of freedom), whatever the unpaired test would.
    const ok = paired ? roundPairs(usableRuns(base.runs, t), usableRuns(head.runs, t)).length >= 3 : enoughTrials(nb, nh, alpha, test);
    if (!ok) {
      short.push(`${t}: base has ${nb} usable trial(s), head has ${nh}`);
    }
  }
  if (short.length) {
    throw new CompareInputError(
      paired
        ? `missing trials: the paired test needs at least 3 rounds in which both ran (run with --trials 3 or more):\n  ${short.join('\n  ')}`
        : `missing trials: at alpha ${alpha} the ${test} test needs at least ${need} usable trials per side (run both with --trials ${need} or more${test === 'mann-whitney' ? ', or raise --alpha' : ''}):\n  ${short.join('\n  ')}`,
    );
  }
}

export function compareResults(base: Results, head: Results, opts: CompareOptions, labels = { base: 'base', head: 'head' }): Comparison {
  const baseTargets = targetNames(base);
  const headTargets = targetNames(head);
  const common = baseTargets.filter((t) => headTargets.includes(t));
  const test = opts.test ?? DEFAULT_TEST;
  const pairing = opts.pairing === 'off' ? { paired: false, reason: 'unpaired: pairing turned off (--unpaired)' } : pairingOf(base, head);
  assertComparable(base, head, opts.alpha, test, common, pairing.paired);
  const warnings = settingDifferences(base, head);
  for (const [label, r] of [['base', base], ['head', head]] as const) {
    const bound = r.runs.filter((x) => x.generator.bound).length;
    if (bound) warnings.push(`${label}: ${bound} run(s) generator-bound: they measured the load generator, not only the target`);
    if (r.interrupted) warnings.push(`${label}: the run was interrupted (partial results)`);
  }
  const targets: TargetComparison[] = common.map((target) => {
    const a = usableRuns(base.runs, target);
    const b = usableRuns(head.runs, target);
    const values = (runs: typeof a, def: MetricDef) => runs.map(def.of).filter((v): v is number => v !== null);
    const rounds = pairing.paired ? roundPairs(a, b) : [];
    const pairsOf = (def: MetricDef): Array<[number, number]> | null => (pairing.paired ? metricPairs(rounds, def) : null);
    return {
      target,
      baseTrials: a.length,
      headTrials: b.length,
      test: pairing.paired ? (opts.pairedTest ?? DEFAULT_PAIRED_TEST) : test,
      pairs: rounds.length,
      metrics: METRICS.map((def) => judge(def, values(a, def), values(b, def), opts, pairsOf(def))),
    };
  });
  const all = targets.flatMap((t) => t.metrics);
  const counts = {
    regressions: all.filter((m) => m.verdict === 'regressed').length,
    improvements: all.filter((m) => m.verdict === 'improved').length,
    uncertain: all.filter((m) => m.verdict === 'uncertain').length,
    unchanged: all.filter((m) => m.verdict === 'unchanged').length,
    judged: all.length,
    failOnUncertain: opts.failOnUncertain ?? false,
  };
  return {
    scenario: head.scenario.name,
    base: info(labels.base, base),
    head: info(labels.head, head),
    alpha: opts.alpha,
    test,
    pairing,
    minEffects: opts.minEffects,
    targets,
    onlyInBase: baseTargets.filter((t) => !headTargets.includes(t)),
    onlyInHead: headTargets.filter((t) => !baseTargets.includes(t)),
    warnings,
    ...counts,
    gate: gateStatus(counts),
  };
}

function metricPairs(rounds: Array<[RunResult, RunResult]>, def: MetricDef): Array<[number, number]> {
  return rounds.flatMap(([x, y]) => {
    const a = def.of(x);
    const b = def.of(y);
    return a !== null && b !== null ? [[a, b] as [number, number]] : [];
  });
}

// The paired test: when base and head ran side by side in rounds (trial i of each in round i
// of one interleaved run), the machine's drift between rounds hits both alike, so the test is
// on the per-round ratio head_i / base_i, not on two independent samples. Drift between hours
// was ~25% on the development machine against a spread of 2.5-4% within one round's neighbours:
// the unpaired test counts the drift as noise, the paired one cancels it.
import type { PairedTest } from '../record/gate.js';
import type { Results, RunResult } from '../record/results.js';
import { YUEN_TRIM, studentTwoSidedP } from './stats.js';
import { tQuantileTwoSided } from './mde.js';

export type { PairedTest };

export interface Pairing {
  paired: boolean;
  /** Why (not) paired, in words for the report. */
  reason: string;
}

/**
 * Pairing is legitimate only when both sides were split out of the same run (same start), from
 * two different targets, and that run went in rounds; sides from different runs (the cached
 * baseline of a CI flow) are independent samples and get the unpaired test.
 */
export function pairingOf(base: Results, head: Results): Pairing {
  const a = base.interleaved;
  const b = head.interleaved;
  if (!a || !b) return { paired: false, reason: 'unpaired: base and head are separate runs' };
  if (a.runStartedAt !== b.runStartedAt) return { paired: false, reason: 'unpaired: base and head come from different interleaved runs' };
  if (a.target === b.target) return { paired: false, reason: 'unpaired: base and head are the same target of one run' };
  return { paired: true, reason: `paired: ${a.target} and ${b.target} ran interleaved in one run, trial i of each in round i` };
}

/** Runs of the same round on both sides (trial index present and usable on each). */
export function roundPairs(base: readonly RunResult[], head: readonly RunResult[]): Array<[RunResult, RunResult]> {
  const byTrial = new Map(head.map((r) => [r.trial, r]));
  return base.flatMap((r) => {
    const h = byTrial.get(r.trial);
    return h ? [[r, h] as [RunResult, RunResult]] : [];
  });
}

export interface PairedT {
  /** Mean of the per-pair differences (of logs when `onLogs`); the trimmed mean for Yuen's test. */
  mean: number;
  /** Standard deviation of those differences (winsorised for Yuen's test). */
  sd: number;
  /** Standard error of `mean`. */
  se: number;
  n: number;
  t: number;
  df: number;
  /** Two-sided p-value. */
  p: number;
  /** 95% interval of the mean difference. */
  lo: number;
  hi: number;
  /** True when the test ran on log(head/base); false when a value was not positive (differences). */
  onLogs: boolean;
}

/**
 * Paired t-test, two-sided, on log(head_i / base_i) (a test of the ratio), or on head_i - base_i
 * when a value is not positive (an error rate of 0). Needs 2+ pairs.
 */
export function pairedT(pairs: ReadonlyArray<readonly [number, number]>, confidence = 0.95): PairedT {
  if (pairs.length < 2) throw new Error('the paired t-test needs at least 2 pairs');
  const { d, logs } = differences(pairs);
  const n = d.length;
  const mean = d.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const df = n - 1;
  const se = sd / Math.sqrt(n);
  return tOf(mean, sd, se, n, df, logs, confidence);
}

function differences(pairs: ReadonlyArray<readonly [number, number]>): { d: number[]; logs: boolean } {
  const logs = pairs.every(([a, b]) => a > 0 && b > 0);
  return { d: pairs.map(([a, b]) => (logs ? Math.log(b / a) : b - a)), logs };
}

function tOf(mean: number, sd: number, se: number, n: number, df: number, onLogs: boolean, confidence: number): PairedT {
  if (se === 0) return { mean, sd, se, n, t: mean === 0 ? 0 : Math.sign(mean) * Infinity, df, p: mean === 0 ? 1 : 0, lo: mean, hi: mean, onLogs };
  const t = mean / se;
  const half = tQuantileTwoSided(1 - confidence, df) * se;
  return { mean, sd, se, n, t, df, p: studentTwoSidedP(t, df), lo: mean - half, hi: mean + half, onLogs };
}

/**
 * Yuen's test on the pairs (the Tukey-McLaughlin one-sample trimmed t-test, R's
 * WRS2::yuend): the 20%-trimmed mean of the per-pair log ratios, its standard error from
 * the winsorised variance, n - 2g - 1 degrees of freedom. On the development VM 29 of 160
 * A/A pairs read more than 2.5% apart, up to 26% (a noisy neighbour for a second or two, on
 * one side of a round); such a pair inflates the paired t-test's sd and hides a real change,
 * while the trimmed mean neither moves nor widens. The price: fewer degrees of freedom, and a
 * t approximation a little liberal on 4-8 kept pairs (1.1-1.3% false alarms at alpha 1% in
 * test/analysis/sequential.test.ts's simulation). Below 5 pairs nothing is trimmed (it is the
 * paired t-test); from 5 to 9 one pair is trimmed at each end. Needs 2+ pairs.
 */
export function pairedYuen(pairs: ReadonlyArray<readonly [number, number]>, confidence = 0.95, trim = YUEN_TRIM): PairedT {
  if (pairs.length < 2) throw new Error("the paired Yuen test needs at least 2 pairs");
  const { d, logs } = differences(pairs);
  const s = [...d].sort((x, y) => x - y);
  const n = s.length;
  const g = Math.floor(trim * n);
  const h = n - 2 * g;
  const mean = s.slice(g, n - g).reduce((a, x) => a + x, 0) / h;
  const wins = s.map((x) => Math.min(Math.max(x, s[g]!), s[n - g - 1]!));
  const wm = wins.reduce((a, x) => a + x, 0) / n;
  const sd = Math.sqrt(wins.reduce((a, x) => a + (x - wm) ** 2, 0) / (n - 1));
  const se = Math.sqrt(((n - 1) * sd * sd) / (h * (h - 1)));
  return tOf(mean, sd, se, n, h - 1, logs, confidence);
}

/** The paired test by name. */
export function pairedTest(test: PairedTest, pairs: ReadonlyArray<readonly [number, number]>, confidence = 0.95): PairedT {
  return test === 'paired-yuen' ? pairedYuen(pairs, confidence) : pairedT(pairs, confidence);
}

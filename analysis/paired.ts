// The paired test: when base and head ran side by side in rounds (trial i of each in round i
// of one interleaved run), the machine's drift between rounds hits both alike, so the test is
// on the per-round ratio head_i / base_i, not on two independent samples. Drift between hours
// was ~25% on the development machine against a spread of 2.5-4% within one round's neighbours:
// the unpaired test counts the drift as noise, the paired one cancels it.
import type { Results, RunResult } from '../record/results.js';
import { studentTwoSidedP } from './stats.js';
import { tQuantileTwoSided } from './mde.js';

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
  /** Mean of the per-pair differences (of logs when `onLogs`). */
  mean: number;
  /** Standard deviation of those differences. */
  sd: number;
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
  const logs = pairs.every(([a, b]) => a > 0 && b > 0);
  const d = pairs.map(([a, b]) => (logs ? Math.log(b / a) : b - a));
  const n = d.length;
  const mean = d.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const df = n - 1;
  const se = sd / Math.sqrt(n);
  if (se === 0) return { mean, sd, n, t: mean === 0 ? 0 : Math.sign(mean) * Infinity, df, p: mean === 0 ? 1 : 0, lo: mean, hi: mean, onLogs: logs };
  const t = mean / se;
  const half = tQuantileTwoSided(1 - confidence, df) * se;
  return { mean, sd, n, t, df, p: studentTwoSidedP(t, df), lo: mean - half, hi: mean + half, onLogs: logs };
}

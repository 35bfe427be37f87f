// The minimum detectable effect: the smallest true change the test would call significant at
// its alpha with 80% power, given the noise the trials showed. A gate asked to see 5% on runs
// that resolve 8% cannot keep its promise; saying so beats a silent "unchanged".
import { studentTwoSidedP } from './stats.js';

export const MDE_POWER = 0.8;

/** t > 0 with P(|T| >= t) = p for Student's t with df degrees of freedom (bisection: monotone, no table). */
export function tQuantileTwoSided(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`two-sided tail probability must lie in (0, 1), got ${p}`);
  // The same few (alpha, df) come back at every look and every metric: remember them.
  const key = `${p}:${df}`;
  const known = quantiles.get(key);
  if (known !== undefined) return known;
  const q = bisectQuantile(p, df);
  if (quantiles.size < 10_000) quantiles.set(key, q);
  return q;
}

const quantiles = new Map<string, number>();

function bisectQuantile(p: number, df: number): number {
  let lo = 0;
  let hi = 1;
  while (studentTwoSidedP(hi, df) > p) hi *= 2;
  for (let i = 0; i < 100 && hi - lo > 1e-10 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTwoSidedP(mid, df) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The effect (in the unit of `se`: log ratio or absolute) a two-sided test at `alpha` detects
 * with probability `power`: (t_{alpha/2} + t_{power}) x se, the usual normal-approximation
 * formula with Student quantiles for small samples.
 */
export function detectableShift(se: number, df: number, alpha: number, power = MDE_POWER): number {
  if (!(df >= 1) || !Number.isFinite(se)) return Number.POSITIVE_INFINITY;
  // One-sided quantile at `power` = the two-sided one at 2 x (1 - power).
  return (tQuantileTwoSided(alpha, df) + tQuantileTwoSided(2 * (1 - power), df)) * se;
}

/**
 * Relative MDE of the paired test over n pairs whose log ratios have standard deviation sd
 * (winsorised, for Yuen's test with `trim` > 0: g = floor(trim n) pairs trimmed at each end,
 * h = n - 2g kept, standard error sqrt((n - 1) sd^2 / (h (h - 1))) on h - 1 degrees of freedom;
 * at trim 0 that is the t-test's sd / sqrt(n) on n - 1).
 */
export function pairedMde(sd: number, n: number, alpha: number, power = MDE_POWER, trim = 0): number {
  const h = n - 2 * Math.floor(trim * n);
  if (h < 2) return Number.POSITIVE_INFINITY;
  return Math.expm1(detectableShift(Math.sqrt(((n - 1) * sd * sd) / (h * (h - 1))), h - 1, alpha, power));
}

/** Pairs needed for the paired test to resolve `effect` (relative) at this noise; null beyond `limit`. */
export function pairsToResolve(sd: number, effect: number, alpha: number, limit = 1000, power = MDE_POWER, trim = 0): number | null {
  for (let n = 2; n <= limit; n++) if (pairedMde(sd, n, alpha, power, trim) <= effect) return n;
  return null;
}

/**
 * MDE of the unpaired (Welch) test on two samples, relative when `logs` (the values' log
 * spread), else absolute. Also the yardstick for the rank test, which at these sizes is no
 * more powerful than Welch.
 */
export function unpairedMde(a: readonly number[], b: readonly number[], alpha: number, logs: boolean, power = MDE_POWER): number {
  if (a.length < 2 || b.length < 2) return Number.POSITIVE_INFINITY;
  const f = logs ? Math.log : (x: number) => x;
  const v = (xs: readonly number[]) => {
    const ys = xs.map(f);
    const m = ys.reduce((s, x) => s + x, 0) / ys.length;
    return ys.reduce((s, x) => s + (x - m) ** 2, 0) / (ys.length - 1) / ys.length;
  };
  const va = v(a);
  const vb = v(b);
  const se = Math.sqrt(va + vb);
  if (se === 0) return 0;
  const df = (va + vb) ** 2 / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  const shift = detectableShift(se, df, alpha, power);
  return logs ? Math.expm1(shift) : shift;
}

// Small-sample statistics for trials: medians, bootstrap confidence intervals and the exact
// Mann-Whitney U test. Deterministic (seeded resampling), so the same results.json always
// gives the same report.

export interface Interval {
  lo: number;
  hi: number;
}

export interface Estimate {
  median: number;
  /** 95% percentile-bootstrap interval; equal to the median when there is one value. */
  ci: Interval;
  n: number;
}

export const BOOTSTRAP_RESAMPLES = 2000;
export const CONFIDENCE = 0.95;

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Linear-interpolated quantile of sorted values, q in [0, 1]. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** mulberry32: a tiny seeded PRNG; reports must not change from one rendering to the next. */
export function seededRandom(seed = 0x5eed): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resample(xs: readonly number[], rand: () => number): number[] {
  const out = new Array<number>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = xs[Math.floor(rand() * xs.length)]!;
  return out;
}

function percentileInterval(stats: number[]): Interval {
  const s = stats.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return { lo: Number.NaN, hi: Number.NaN };
  const tail = (1 - CONFIDENCE) / 2;
  return { lo: quantileSorted(s, tail), hi: quantileSorted(s, 1 - tail) };
}

/** Median with a 95% bootstrap interval of the median. */
export function estimate(xs: readonly number[], seed?: number): Estimate {
  const m = median(xs);
  if (xs.length < 2) return { median: m, ci: { lo: m, hi: m }, n: xs.length };
  const rand = seededRandom(seed);
  const stats: number[] = [];
  for (let b = 0; b < BOOTSTRAP_RESAMPLES; b++) stats.push(median(resample(xs, rand)));
  return { median: m, ci: percentileInterval(stats), n: xs.length };
}

/**
 * Ratio of medians b/a with a 95% bootstrap interval, resampling both groups independently
 * (two separate runs, e.g. base and head of a comparison). Null when a median is zero.
 */
export function ratioOfMedians(a: readonly number[], b: readonly number[], seed?: number): Estimate | null {
  const ma = median(a);
  if (ma === 0) return null;
  const r = median(b) / ma;
  if (a.length < 2 && b.length < 2) return { median: r, ci: { lo: r, hi: r }, n: Math.min(a.length, b.length) };
  const rand = seededRandom(seed);
  const stats: number[] = [];
  for (let i = 0; i < BOOTSTRAP_RESAMPLES; i++) {
    const da = median(resample(a, rand));
    if (da !== 0) stats.push(median(resample(b, rand)) / da);
  }
  return { median: r, ci: percentileInterval(stats), n: Math.min(a.length, b.length) };
}

/**
 * Ratio b/a from pairs measured in the same interleaved round (trial i of A next to trial i
 * of B): the per-round ratio cancels drift that hits both, so its interval is the honest one.
 */
export function pairedRatio(pairs: ReadonlyArray<readonly [number, number]>, seed?: number): Estimate | null {
  const ratios = pairs.filter(([a]) => a !== 0).map(([a, b]) => b / a);
  if (ratios.length === 0) return null;
  return estimate(ratios, seed);
}

export interface MannWhitney {
  /** U of the first sample: pairs (x in a, y in b) with x > y, ties counted 1/2. */
  u: number;
  /** Two-sided p-value. */
  p: number;
  exact: boolean;
}

function midRanks(values: number[]): number[] {
  const idx = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[idx[k]![1]] = r;
    i = j + 1;
  }
  return ranks;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

const EXACT_LIMIT = 200_000;

/**
 * Mann-Whitney U test, two-sided. Exact (every split of the pooled mid-ranks, so ties are
 * handled exactly) when there are at most 200k splits, which covers trials of up to 10 per
 * side; otherwise the normal approximation with tie and continuity corrections.
 */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitney {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new Error('Mann-Whitney needs values on both sides');
  const ranks = midRanks([...a, ...b]);
  const r1 = ranks.slice(0, n1).reduce((s, r) => s + r, 0);
  const u = r1 - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const observed = Math.abs(u - mean);
  if (binomial(n1 + n2, n1) <= EXACT_LIMIT) {
    let extreme = 0;
    let total = 0;
    const eps = 1e-9;
    // Enumerate which ranks go to the first sample.
    const walk = (start: number, left: number, sum: number) => {
      if (left === 0) {
        total++;
        if (Math.abs(sum - (n1 * (n1 + 1)) / 2 - mean) >= observed - eps) extreme++;
        return;
      }
      for (let i = start; i <= ranks.length - left; i++) walk(i + 1, left - 1, sum + ranks[i]!);
    };
    walk(0, n1, 0);
    return { u, p: Math.min(1, extreme / total), exact: true };
  }
  const n = n1 + n2;
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of counts.values()) tieTerm += t * t * t - t;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, p: 1, exact: false };
  const z = Math.max(0, observed - 0.5) / Math.sqrt(variance);
  return { u, p: Math.min(1, 2 * (1 - normalCdf(z))), exact: false };
}

/** Smallest two-sided p-value Mann-Whitney can give for these sample sizes (no ties). */
export function smallestMannWhitneyP(n1: number, n2: number): number {
  return 2 / binomial(n1 + n2, n1);
}

function normalCdf(z: number): number {
  // Abramowitz-Stegun 7.1.26 erf approximation (|error| < 1.5e-7): plenty for a p-value.
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

export interface WelchT {
  t: number;
  /** Welch-Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided p-value. */
  p: number;
}

function meanAndVariance(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

/**
 * Welch's unequal-variance t-test, two-sided (the test of hyperfine's and Perfherder's
 * comparisons). Unlike a rank test it weighs how far apart the groups are, so one stray trial
 * among five widens the interval instead of vetoing the verdict. Needs 2+ values per side.
 */
export function welchT(a: readonly number[], b: readonly number[]): WelchT {
  if (a.length < 2 || b.length < 2) throw new Error('Welch t-test needs at least 2 values per side');
  const x = meanAndVariance(a);
  const y = meanAndVariance(b);
  const sa = x.variance / a.length;
  const sb = y.variance / b.length;
  const se = Math.sqrt(sa + sb);
  const diff = y.mean - x.mean;
  // No spread at all: the groups are identical (p 1) or different without doubt (p 0).
  if (se === 0) return { t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: a.length + b.length - 2, p: diff === 0 ? 1 : 0 };
  const t = diff / se;
  const df = (sa + sb) ** 2 / ((sa * sa) / (a.length - 1) + (sb * sb) / (b.length - 1));
  return { t, df, p: studentTwoSidedP(t, df) };
}

/** Share trimmed from each end by Yuen's test: 20%, Wilcox's and SciPy's usual choice. */
export const YUEN_TRIM = 0.2;

/**
 * Yuen's trimmed-mean t-test with Welch's degrees of freedom (Yuen 1974; SciPy's
 * ttest_ind(trim=0.2)): means of the middle 60%, spread from the winsorized sample. A stray
 * trial at either end, which on a shared machine is one trial in five often enough, neither
 * drags the mean nor inflates the spread, so it cannot veto a clear difference of the rest.
 * With fewer than 5 values per side nothing is trimmed and it is Welch's test.
 */
export function yuenT(a: readonly number[], b: readonly number[], trim = YUEN_TRIM): WelchT {
  const side = (xs: readonly number[]) => {
    const s = [...xs].sort((x, y) => x - y);
    const n = s.length;
    const g = Math.floor(trim * n);
    const h = n - 2 * g;
    if (h < 2) throw new Error("Yuen's test needs at least 2 values per side after trimming");
    const kept = s.slice(g, n - g);
    const mean = kept.reduce((t, x) => t + x, 0) / h;
    const wins = s.map((x) => Math.min(Math.max(x, s[g]!), s[n - g - 1]!));
    const { variance } = meanAndVariance(wins);
    return { mean, h, d: ((n - 1) * variance) / (h * (h - 1)) };
  };
  const x = side(a);
  const y = side(b);
  const diff = y.mean - x.mean;
  const se = Math.sqrt(x.d + y.d);
  if (se === 0) return { t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: x.h + y.h - 2, p: diff === 0 ? 1 : 0 };
  const t = diff / se;
  const df = (x.d + y.d) ** 2 / ((x.d * x.d) / (x.h - 1) + (y.d * y.d) / (y.h - 1));
  return { t, df, p: studentTwoSidedP(t, df) };
}

/** A two-sample test on the logarithms (a test of the ratio b/a); on the values when one is not positive. */
export function onLogs(test: (a: readonly number[], b: readonly number[]) => WelchT, a: readonly number[], b: readonly number[]): WelchT {
  if (a.some((v) => !(v > 0)) || b.some((v) => !(v > 0))) return test(a, b);
  return test(a.map(Math.log), b.map(Math.log));
}


/** P(|T| >= |t|) for Student's t with df degrees of freedom: I_{df/(df+t^2)}(df/2, 1/2). */
export function studentTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, regularizedBeta(df / (df + t * t), df / 2, 0.5));
}

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9): about 15 significant digits for x > 0.
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let s = c[0]!;
  for (let i = 1; i < 9; i++) s += c[i]! / (z + i);
  const w = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(w) - w + Math.log(s);
}

/** Regularized incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes 6.4). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast for x < (a+1)/(a+b+2); use the symmetry otherwise.
  if (x > (a + 1) / (a + b + 2)) return 1 - (front * betaFraction(1 - x, b, a)) / b;
  return (front * betaFraction(x, a, b)) / a;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

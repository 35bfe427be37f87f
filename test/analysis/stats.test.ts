import { describe, expect, it } from 'vitest';
import { estimate, mannWhitney, median, pairedRatio, ratioOfMedians, onLogs, regularizedBeta, smallestMannWhitneyP, studentTwoSidedP, welchT, yuenT } from '../../analysis/stats.js';

describe('statistics across trials', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('bootstrap interval contains the median, is deterministic, and collapses for one value', () => {
    const xs = [10, 11, 9, 12, 10.5, 9.5, 11.5];
    const a = estimate(xs);
    expect(a.median).toBe(10.5);
    expect(a.ci.lo).toBeLessThanOrEqual(a.median);
    expect(a.ci.hi).toBeGreaterThanOrEqual(a.median);
    expect(a.ci.lo).toBeGreaterThanOrEqual(9);
    expect(a.ci.hi).toBeLessThanOrEqual(12);
    expect(estimate(xs)).toEqual(a);
    expect(estimate([5])).toEqual({ median: 5, ci: { lo: 5, hi: 5 }, n: 1 });
  });

  it('exact Mann-Whitney: complete separation of 5 vs 5 gives p = 2/252', () => {
    const r = mannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    expect(r.exact).toBe(true);
    expect(r.u).toBe(0);
    expect(r.p).toBeCloseTo(2 / 252, 10);
    expect(smallestMannWhitneyP(5, 5)).toBeCloseTo(2 / 252, 10);
    expect(smallestMannWhitneyP(4, 4)).toBeCloseTo(2 / 70, 10);
  });

  it('Mann-Whitney: identical samples give p = 1, ties handled', () => {
    expect(mannWhitney([1, 1, 1], [1, 1, 1]).p).toBe(1);
    const mixed = mannWhitney([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]);
    expect(mixed.p).toBe(1);
    // One overlap: U = 1 of 25 -> two-sided exact p = 4/252.
    expect(mannWhitney([1, 2, 3, 4, 6.5], [6, 7, 8, 9, 10]).p).toBeCloseTo(4 / 252, 10);
  });

  it('normal approximation agrees with the exact test on larger samples', () => {
    const a = Array.from({ length: 30 }, (_, i) => i);
    const b = Array.from({ length: 30 }, (_, i) => i + 8);
    const r = mannWhitney(a, b);
    expect(r.exact).toBe(false);
    expect(r.p).toBeGreaterThan(0.001);
    expect(r.p).toBeLessThan(0.05);
  });

  it('ratio of medians and paired ratio', () => {
    const base = [100, 102, 98, 101, 99];
    const head = base.map((x) => x * 1.2);
    const r = ratioOfMedians(base, head)!;
    expect(r.median).toBeCloseTo(1.2, 10);
    expect(r.ci.lo).toBeLessThan(1.2 + 1e-9);
    expect(r.ci.hi).toBeGreaterThan(1.2 - 1e-9);
    const p = pairedRatio(base.map((b, i) => [b, head[i]!] as const))!;
    // Every pair is exactly 1.2: the paired interval has no width.
    expect(p.ci.lo).toBeCloseTo(1.2, 10);
    expect(p.ci.hi).toBeCloseTo(1.2, 10);
    expect(ratioOfMedians([0, 0], [1, 2])).toBeNull();
  });

  it('Student t tail: the critical values of the t table', () => {
    // Two-sided 5% and 1% points for 1, 4, 8 and 30 degrees of freedom.
    for (const [t, df, p] of [[12.706, 1, 0.05], [2.776, 4, 0.05], [4.604, 4, 0.01], [3.355, 8, 0.01], [2.042, 30, 0.05]] as const) {
      expect(studentTwoSidedP(t, df)).toBeCloseTo(p, 4);
    }
    expect(studentTwoSidedP(0, 5)).toBe(1);
    // I_x(1, 1) is the uniform distribution function.
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
  });

  it('Welch t-test: separated groups, identical groups, unequal variances', () => {
    // Means 3 and 8, both variances 2.5: t = 5 with 8 degrees of freedom.
    const r = welchT([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    expect(r.t).toBeCloseTo(5, 10);
    expect(r.df).toBeCloseTo(8, 10);
    expect(r.p).toBeCloseTo(0.001053, 5);
    expect(welchT([1, 2, 3], [1, 2, 3]).p).toBe(1);
    expect(welchT([2, 2, 2], [3, 3, 3]).p).toBe(0);
    // Welch-Satterthwaite: a tight side and a wide side give fewer degrees of freedom than n1+n2-2.
    expect(welchT([10, 10.1, 9.9, 10, 10.05], [8, 14, 11, 16, 9]).df).toBeLessThan(5);
    expect(() => welchT([1], [2, 3])).toThrow(/at least 2 values/);
  });

  it('Welch on logarithms tests the ratio: scaling both sides changes nothing', () => {
    const a = [0.3, 0.31, 0.29, 0.3, 0.33];
    const b = [0.325, 0.35, 0.34, 0.355, 0.35];
    const p = onLogs(welchT, a, b).p;
    expect(onLogs(welchT, a.map((x) => x * 1000), b.map((x) => x * 1000)).p).toBeCloseTo(p, 10);
    // One base trial beyond one head trial: the rank test cannot reach 0.01 (4/252), the t-test still can.
    expect(mannWhitney(a, b).p).toBeGreaterThan(0.01);
    expect(p).toBeLessThan(0.01);
    // Zeros (an error rate of 0) fall back to the test on the values themselves.
    expect(onLogs(welchT, [0, 0, 0], [0, 0, 0]).p).toBe(1);
  });

  it("Yuen's trimmed t-test agrees with SciPy's ttest_ind(equal_var=False, trim=0.2)", () => {
    // scipy.stats.ttest_ind([1..9, 30], [5..14], equal_var=False, trim=0.2): t=-2.37635, df=10, p=0.0388535
    const r = yuenT([1, 2, 3, 4, 5, 6, 7, 8, 9, 30], [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(r.t).toBeCloseTo(2.3763541, 6);
    expect(r.df).toBeCloseTo(10, 8);
    expect(r.p).toBeCloseTo(0.0388535, 6);
    // Under 5 values per side nothing is trimmed: Welch's test.
    expect(yuenT([1, 2, 4], [3, 5, 9])).toEqual(welchT([1, 2, 4], [3, 5, 9]));
  });

  it('one stray base trial of five: Yuen still speaks where Welch and Mann-Whitney cannot', () => {
    // Measured CPU ms/request of one gate-check session (base A, head B with +15% busy work).
    const a = [0.1312, 0.1065, 0.1114, 0.1124, 0.1077];
    const b = [0.1271, 0.1308, 0.1349, 0.1271, 0.1297];
    // scipy.stats.ttest_ind(log(a), log(b), equal_var=False, trim=0.2): p=0.0032807, df=3.46776
    const y = onLogs(yuenT, a, b);
    expect(y.p).toBeCloseTo(0.0032807, 6);
    expect(y.df).toBeCloseTo(3.46776, 4);
    expect(onLogs(welchT, a, b).p).toBeCloseTo(0.0204316, 6);
    expect(mannWhitney(a, b).p).toBeGreaterThan(0.01);
    // A stray trial on each side of an A/A pair does not make a difference out of nothing.
    expect(onLogs(yuenT, [0.11, 0.108, 0.112, 0.109, 0.135], [0.111, 0.107, 0.113, 0.09, 0.11]).p).toBeGreaterThan(0.1);
  });
});

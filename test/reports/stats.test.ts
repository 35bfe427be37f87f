import { describe, expect, it } from 'vitest';
import { estimate, mannWhitney, median, pairedRatio, ratioOfMedians, smallestMannWhitneyP } from '../../reports/stats.js';

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
});

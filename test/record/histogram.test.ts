import { describe, expect, it } from 'vitest';
import { createHistogram, decodeHistogram, encodeHistogram, mergeEncoded, recordUs, summarizeMs, percentileSpectrum } from '../../record/histogram.js';

describe('histogram encoding', () => {
  it('decodes back to exactly the same counts', () => {
    const h = createHistogram();
    for (let i = 0; i < 5000; i++) recordUs(h, 50 + ((i * 7919) % 200_000));
    const d = decodeHistogram(encodeHistogram(h));
    expect(d.totalCount).toBe(h.totalCount);
    for (const p of [50, 90, 99, 99.9, 100]) expect(d.getValueAtPercentile(p)).toBe(h.getValueAtPercentile(p));
    expect(d.getValueAtPercentile(100)).toBe(h.getValueAtPercentile(100));
  });

  it('merges parts into the same histogram as recording everything in one', () => {
    const whole = createHistogram();
    const parts = [createHistogram(), createHistogram(), createHistogram()];
    for (let i = 0; i < 9000; i++) {
      const v = 1 + ((i * 104729) % 3_000_000);
      recordUs(whole, v);
      recordUs(parts[i % 3]!, v);
    }
    const merged = mergeEncoded(parts.map(encodeHistogram));
    expect(merged.totalCount).toBe(whole.totalCount);
    for (const p of [1, 50, 75, 99, 99.99]) expect(merged.getValueAtPercentile(p)).toBe(whole.getValueAtPercentile(p));
  });

  it('clamps out-of-range values instead of throwing', () => {
    const h = createHistogram();
    recordUs(h, 0);
    recordUs(h, 10 * 60_000_000);
    expect(h.totalCount).toBe(2);
    expect(h.getValueAtPercentile(100)).toBeGreaterThanOrEqual(59_000_000);
  });

  it('summarises in milliseconds and gives null, not zeros, when empty', () => {
    expect(summarizeMs(createHistogram())).toBeNull();
    const h = createHistogram();
    for (let i = 1; i <= 1000; i++) recordUs(h, i * 1000); // 1..1000 ms
    const s = summarizeMs(h)!;
    expect(s.p50).toBeCloseTo(500, -1);
    expect(s.p99).toBeCloseTo(990, -1);
    expect(s.max).toBeCloseTo(1000, -1);
  });

  it('spectrum points rise monotonically towards the max', () => {
    const h = createHistogram();
    for (let i = 1; i <= 10000; i++) recordUs(h, i);
    const pts = percentileSpectrum(h);
    expect(pts.length).toBeGreaterThan(20);
    for (let i = 1; i < pts.length; i++) {
      expect(pts[i]!.percentile).toBeGreaterThan(pts[i - 1]!.percentile);
      expect(pts[i]!.ms).toBeGreaterThanOrEqual(pts[i - 1]!.ms);
    }
    expect(pts.at(-1)!.percentile).toBe(100);
  });
});

import { describe, expect, it } from 'vitest';
import { lagQuantile, probeHostPauses, summarizePauses } from '../../harness/host-pauses.js';
import { lagCheck } from '../../harness/selftest.js';

describe('host pauses: the send lag a perfect generator would have', () => {
  it('an arrival waits out the rest of the gap it lands in', () => {
    // One 10 ms gap in a second: 1% of arrivals land in it, waiting 0..10 ms uniformly.
    expect(lagQuantile([10], 1000, 0.99)).toBe(0);
    expect(lagQuantile([10], 1000, 0.999)).toBeCloseTo(9, 6);
    // Five 2 ms gaps: P(delay > x) = 5 (2 - x) / 1000.
    expect(lagQuantile([2, 2, 2, 2, 2], 1000, 0.999)).toBeCloseTo(1.8, 6);
    expect(lagQuantile([], 1000, 0.99)).toBe(0);
    const s = summarizePauses([2, 2, 2, 2, 2, 30], 1000);
    expect(s.pausedShare).toBeCloseTo(0.04, 9);
    expect(s.longestMs).toBe(30);
    // 40 ms of gaps: P(delay > x) = (5 (2 - x)+ + (30 - x)) / 1000 = 0.01 at x = 20.
    expect(s.lagFloorMs.p99).toBeCloseTo(20, 6);
  });

  it('the lag check allows 0.2 ms at p99 and 1 ms at p99.9 above the floor, no more', () => {
    const host = { pausedShare: 0.01, longestMs: 3, lagFloorMs: { p99: 0.5, p999: 2 } };
    expect(lagCheck({ p99: 0.7, p999: 3 }, host).ok).toBe(true);
    expect(lagCheck({ p99: 0.71, p999: 3 }, host).ok).toBe(false);
    expect(lagCheck({ p99: 0.7, p999: 3.01 }, host).ok).toBe(false);
  });

  it('probes a real thread for the time asked', async () => {
    const p = await probeHostPauses(200);
    expect(p.durationMs).toBe(200);
    expect(p.pausedShare).toBeGreaterThanOrEqual(0);
    expect(p.pausedShare).toBeLessThan(1);
    expect(p.lagFloorMs.p999).toBeGreaterThanOrEqual(p.lagFloorMs.p99);
  });
});

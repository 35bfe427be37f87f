import { describe, expect, it } from 'vitest';
import { arrivalSchedule, rampSchedule, shareOf, vusAt } from '../../../runners/engine/schedule.js';

describe('arrival schedule', () => {
  it('constant rate: arrival i at i/rate, computed from the start (no drift), none at or after the end', () => {
    const s = arrivalSchedule({ type: 'constant-arrival-rate', rate: 3, timeUnit: '100ms', duration: '2s', preAllocatedVUs: 1 });
    expect(s.count).toBe(60);
    expect(s.at(0)).toBe(0);
    expect(s.at(59)).toBeCloseTo(59 * (100 / 3), 9);
    expect(s.at(59)).toBeLessThan(2000);
  });

  it('a linear ramp places arrivals where the integral of the rate reaches i', () => {
    // 0 -> 100/s over 10 s: N(t) = 5 t^2 (t in s), 500 arrivals in total.
    const s = arrivalSchedule({ type: 'ramping-arrival-rate', startRate: 0, stages: [{ duration: '10s', target: 100 }], preAllocatedVUs: 1 });
    expect(s.count).toBe(500);
    for (const i of [1, 5, 20, 125, 499]) expect(s.at(i)).toBeCloseTo(Math.sqrt(i / 5) * 1000, 6);
  });

  it('holds, ramps down and stops across stages', () => {
    // 10/s for 2 s (20), ramp 10 -> 0 over 2 s (10), 0 for 1 s (0): 30 arrivals.
    const s = rampSchedule(0.01, [
      { durMs: 2000, endPerMs: 0.01 },
      { durMs: 2000, endPerMs: 0 },
      { durMs: 1000, endPerMs: 0 },
    ]);
    expect(s.count).toBe(30);
    expect(s.durationMs).toBe(5000);
    expect(s.at(10)).toBeCloseTo(1000, 9);
    // In the ramp-down N(tau) = 20 + 0.01 tau - tau^2/400000; the 25th arrival at tau where that is 25.
    const tau = s.at(25) - 2000;
    expect(20 + 0.01 * tau - (tau * tau) / 400_000).toBeCloseTo(25, 6);
    const times = Array.from({ length: s.count }, (_, i) => s.at(i));
    expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
  });

  it('ramping VUs interpolate linearly; shares split whole VUs evenly', () => {
    const e = { type: 'ramping-vus', startVUs: 0, stages: [{ duration: '10s', target: 10 }, { duration: '5s', target: 10 }] } as const;
    expect(vusAt(e, 0)).toBe(0);
    expect(vusAt(e, 5000)).toBe(5);
    expect(vusAt(e, 12_000)).toBe(10);
    expect(vusAt(e, 99_000)).toBe(10);
    expect([0, 1, 2].map((k) => shareOf(10, k, 3))).toEqual([4, 3, 3]);
  });
});

import { describe, expect, it } from 'vitest';
import { burnCpu, cpuBurner, cpuNowUs } from '../../../targets/contracts/http/busy-work.js';

describe('busy work', () => {
  it('has no hook at 0 and rejects invalid values', () => {
    expect(cpuBurner(0)).toBeUndefined();
    expect(cpuBurner(undefined)).toBeUndefined();
    expect(() => cpuBurner(-1)).toThrow();
    expect(() => cpuBurner(1.5)).toThrow();
  });

  it('spends the asked CPU time', () => {
    const before = cpuNowUs();
    burnCpu(20_000);
    const spent = cpuNowUs() - before;
    expect(spent).toBeGreaterThanOrEqual(19_000);
    expect(spent).toBeLessThan(40_000);
  });

  it('keeps spinning while the thread gets less CPU than wall time (preemption)', () => {
    // A CPU clock that advances at half the wall clock's pace: a thread preempted half the time.
    const t0 = process.hrtime.bigint();
    const halfSpeed = () => Number(process.hrtime.bigint() - t0) / 1000 / 2;
    const before = halfSpeed();
    burnCpu(5_000, halfSpeed);
    expect(halfSpeed() - before).toBeGreaterThanOrEqual(4_999);
    // The wall-time spin of old would have stopped after 5 ms of wall, 2.5 ms of this "CPU".
    expect(Number(process.hrtime.bigint() - t0) / 1000).toBeGreaterThanOrEqual(10_000);
  });
});

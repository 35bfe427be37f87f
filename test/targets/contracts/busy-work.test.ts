import { describe, expect, it } from 'vitest';
import { burnCpu, cpuBurner } from '../../../targets/contracts/http/busy-work.js';

describe('busy work', () => {
  it('has no hook at 0 and rejects invalid values', () => {
    expect(cpuBurner(0)).toBeUndefined();
    expect(cpuBurner(undefined)).toBeUndefined();
    expect(() => cpuBurner(-1)).toThrow();
    expect(() => cpuBurner(1.5)).toThrow();
  });

  it('spends CPU time, not wall time, for at least the requested duration', () => {
    const before = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    burnCpu(20_000);
    const wallUs = Number(process.hrtime.bigint() - t0) / 1000;
    const cpu = process.cpuUsage(before);
    expect(wallUs).toBeGreaterThanOrEqual(20_000);
    expect(cpu.user + cpu.system).toBeGreaterThan(15_000);
  });
});

// Broker CPU across a broker restart: PIDs change under the window, the figure never goes negative.
import { describe, expect, it } from 'vitest';
import { sampleBrokerCpu, type BrokerProcSource } from '../../harness/broker-cpu.js';

/** A /proc stand-in: the test sets which PIDs run and their CPU so far. */
function fakeProc(initial: Record<number, number>) {
  let procs = new Map(Object.entries(initial).map(([pid, ms]) => [Number(pid), ms]));
  const source: BrokerProcSource = {
    pidsNamed: () => [...procs.keys()],
    cpuMs: (pid) => procs.get(pid) ?? null,
  };
  return { source, set: (next: Record<number, number>) => (procs = new Map(Object.entries(next).map(([pid, ms]) => [Number(pid), ms]))) };
}

describe('broker CPU', () => {
  it('follows the broker across a restart under a new PID and sums per-PID deltas', () => {
    const proc = fakeProc({ 100: 50_000 });
    const sampler = sampleBrokerCpu('amqp', proc.source, 3_600_000)!;
    proc.set({ 100: 50_400 });
    sampler.sample();
    // RabbitMQ restarts: the old PID is gone, a new one has used 300 ms so far.
    proc.set({ 200: 300 });
    sampler.sample();
    proc.set({ 200: 1_000 });
    const b = sampler.stop(100);
    expect(b.cpuMs).toBe(1_400);
    expect(b.cpuMsPerRequest).toBe(14);
    expect(b.pids).toEqual([100, 200]);
    expect(b.restarted).toBe(true);
  });

  it('is never negative, even when the restart falls between two samples', () => {
    const proc = fakeProc({ 100: 50_000 });
    const sampler = sampleBrokerCpu('amqp', proc.source, 3_600_000)!;
    proc.set({ 200: 3_021 });
    const b = sampler.stop(1000);
    expect(b.cpuMs).toBeGreaterThanOrEqual(0);
    expect(b.cpuMs).toBe(3_021);
  });

  it('no broker process: no figure', () => {
    expect(sampleBrokerCpu('amqp', fakeProc({}).source)).toBeNull();
    expect(sampleBrokerCpu('rest', fakeProc({ 1: 1 }).source)).toBeNull();
  });
});

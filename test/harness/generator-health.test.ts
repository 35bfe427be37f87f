// Generator health per thread: one saturated thread is flagged even when the average is low.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { generatorHealth } from '../../harness/generator.js';
import { threadCpuMs } from '../../runners/engine/thread-cpu.js';

describe('generator health', () => {
  it('flags bound when any one thread exceeds the limit, and records every thread', () => {
    // Process CPU 125% over 3 threads averages 42%: the old check passed it.
    const h = generatorHealth(125, undefined, 2, [20, 95, 10]);
    expect(h.bound).toBe(true);
    expect(h.reasons).toEqual(['generator thread 1 CPU 95% of a core (limit 90%)']);
    expect(h.perThreadCpuPct).toEqual([20, 95, 10]);
  });

  it('a busy main thread is named as such', () => {
    expect(generatorHealth(96, undefined, undefined, [96]).reasons[0]).toMatch(/main thread CPU 96%/);
    expect(generatorHealth(60, undefined, undefined, [60]).bound).toBe(false);
  });

  it('reads the calling thread alone: a busy worker does not count on the main thread', async () => {
    const before = threadCpuMs();
    if (before === null) return; // no /proc/thread-self on this system
    const worker = new Worker('const t = Date.now(); while (Date.now() - t < 300) {}', { eval: true });
    await new Promise((r) => worker.once('exit', r));
    // The worker spun 300 ms of CPU; this thread mostly waited.
    expect(threadCpuMs()! - before).toBeLessThan(150);
    const t = Date.now();
    while (Date.now() - t < 100) {
      // spin on this thread
    }
    expect(threadCpuMs()! - before).toBeGreaterThanOrEqual(60);
  });
});

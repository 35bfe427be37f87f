import { describe, expect, it } from 'vitest';
import { Limiter } from '../../targets/lifecycle/limiter.js';

describe('Limiter', () => {
  it('runs at most max tasks at once and starts the rest in arrival order', async () => {
    const limiter = new Limiter(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const gates: Array<() => void> = [];
    const tasks = Array.from({ length: 6 }, (_, i) =>
      limiter.run(async () => {
        started.push(i);
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => gates.push(r));
        running--;
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(limiter.queued).toBe(4);
    // Release in reverse to show that order of arrival, not of completion, picks the next.
    while (gates.length) {
      gates.pop()!();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('rejects a size that is not a whole number >= 1', () => {
    expect(() => new Limiter(0)).toThrow(/>= 1/);
    expect(() => new Limiter(1.5)).toThrow(/>= 1/);
  });
});

describe('Limiter: work whose client has gone', () => {
  it('drops a queued task when its signal aborts, and never runs it', async () => {
    const limiter = new Limiter(1);
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)));
    const gone = new AbortController();
    let ran = false;
    const queued = limiter.run(async () => {
      ran = true;
    }, gone.signal);
    const live = limiter.run(async () => 'live');
    expect(limiter.queued).toBe(2);
    gone.abort(new Error('client gone'));
    await expect(queued).rejects.toThrow('client gone');
    expect(limiter.queued).toBe(1);
    release();
    await first;
    expect(await live).toBe('live');
    expect(ran).toBe(false);
    expect(limiter.active).toBe(0);
  });

  it('refuses a task whose signal has already aborted', async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(async () => 1, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    expect(limiter.active).toBe(0);
  });
});

// The process lifecycle sheds work whose client has gone: requests abandoned in the queue never
// spawn a process, so a live request waits for the live ones only, not for answers nobody reads.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { findTarget } from '../../targets/catalog.js';
import { startTarget, type Started } from './start.js';

let started: Started | undefined;
afterEach(async () => {
  await started?.cleanup();
  started = undefined;
});

/** GET on a fresh connection; abandonAfterMs closes it (as a load generator's timeout does). */
function get(url: string, abandonAfterMs?: number): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request(`${url}/health`, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - t0));
    });
    req.on('error', () => resolve(performance.now() - t0));
    if (abandonAfterMs !== undefined) setTimeout(() => req.destroy(), abandonAfterMs);
    req.end();
  });
}

describe('process lifecycle: clients that have gone', () => {
  it('drops queued requests whose connection closed instead of spawning a process for each', async () => {
    started = await startTarget(findTarget('monolith-fastify-process')!, { processPool: 1 });
    const url = started.target.url;
    // One request process, cold start to answer, on this machine now (median of three).
    const single = [await get(url), await get(url), await get(url)].sort((a, b) => a - b)[1]!;
    // 20 clients give up after 50 ms: one request process is running, 19 wait in the queue.
    const abandoned = Array.from({ length: 20 }, () => get(url, 50));
    await new Promise((r) => setTimeout(r, 200));
    const live = await get(url);
    await Promise.all(abandoned);
    // Serving the abandoned queue first would take ~20 request processes; shedding it, ~2.
    expect(live).toBeLessThan(8 * single);
  }, 120_000);
});

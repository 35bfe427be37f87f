// --cache over HTTP for real: a cached read is the written user on every store, a redis cache
// is shared by two workers (the hit ratio says so), and the target reports its counters.
import { afterEach, describe, expect, it } from 'vitest';
import { findTarget } from '../../targets/catalog.js';
import { runConformance } from '../../targets/contracts/conformance.js';
import type { TargetOptions } from '../../targets/target.js';
import { startTarget, type Started } from '../lifecycle/start.js';

let started: Started | undefined;
afterEach(async () => {
  await started?.cleanup();
  started = undefined;
});

const cases: Array<[string, TargetOptions['cache']]> = [
  ['monolith-fastify', 'memory'],
  ['monolith-express-w2', 'redis'],
  ['micro-rest-fastify', 'redis'],
];

describe.each(cases)('%s --cache %s', (name, cache) => {
  it('conforms, and a user read right after sign-up is the written one, then served from the cache', async () => {
    started = await startTarget(findTarget(name)!, { cache, cacheTtlS: 60 });
    const { target } = started;
    const report = await runConformance(target.url, { state: true });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    const before = await target.cache!.read();
    const created = (await (await fetch(`${target.url}/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Cached', email: `c-${Date.now()}@example.com`, password: 'pw-cache-1' }) })).json()) as { id: string };
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${target.url}/users/${created.id}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(created);
    }
    const after = await target.cache!.read();
    expect(after.hits + after.misses - before.hits - before.misses).toBe(10);
    // One miss per process at most: memory warms per process, Redis once for all.
    expect(after.misses - before.misses).toBeLessThanOrEqual(cache === 'redis' ? 1 : 2);
  });
});

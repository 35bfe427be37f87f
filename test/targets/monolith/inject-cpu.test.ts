// injectCpuUs reaches the child and costs every request at least that much, on both frameworks.
import { afterAll, describe, expect, it } from 'vitest';
import { monolith } from '../../../targets/monolith/spec.js';
import type { RunningTarget } from '../../../targets/target.js';
import { tempDir } from '../fixtures.js';

describe.each(['fastify', 'express'] as const)('monolith-%s with injectCpuUs', (framework) => {
  const dir = tempDir();
  let target: RunningTarget | undefined;
  afterAll(async () => {
    await target?.stop();
    dir.remove();
  });

  it('spins at least 30 ms on each request', async () => {
    target = await monolith(framework).start({
      dataDir: dir.path,
      host: '127.0.0.1',
      signal: new AbortController().signal,
      readyTimeoutMs: 15_000,
      options: { injectCpuUs: 30_000 },
    });
    await fetch(`${target.url}/health`); // connection set-up out of the way
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) expect((await fetch(`${target.url}/nope`)).status).toBe(404);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(90);
  });
});

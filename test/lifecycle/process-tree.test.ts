// The process lifecycle's bound on concurrent spawns, and the dead-man's switches: when the
// target's root process dies alone (SIGKILL, no group kill), its per-request children and its
// cluster workers die with it.
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { targets } from '../../targets/catalog.js';
import { STATE_PROBE_ENV } from '../../targets/lifecycle/state-probe.js';
import type { TargetSpec } from '../../targets/target.js';
import { startTarget, type Started } from './start.js';
import { isAlive, nodeProcesses, processTree, waitUntil } from './tree.js';

const spec = (name: string): TargetSpec => targets.find((t) => t.name === name)!;

let started: Started | undefined;
afterEach(async () => {
  await started?.cleanup();
  started = undefined;
});

function probeOnFreshConnection(url: string): Promise<{ probe: { pid: number } }> {
  return new Promise((resolve, reject) => {
    get(`${url}/health?probe=x`, { agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c));
      res.on('end', () => resolve(JSON.parse(body) as { probe: { pid: number } }));
    }).on('error', reject);
  });
}

const requestChildren = (root: number) => nodeProcesses(processTree([root])).filter((p) => p !== root);

describe('monolith-fastify-process', () => {
  it('never runs more request processes than --process-pool, queues the rest, and answers all', async () => {
    started = await startTarget(spec('monolith-fastify-process'), { processPool: 2 });
    const { url } = started.target;
    const root = started.target.pids()[0]!;
    let peak = 0;
    let done = false;
    const sampler = (async () => {
      while (!done) {
        peak = Math.max(peak, requestChildren(root).length);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(`${url}/health`).then((r) => r.status)));
    done = true;
    await sampler;
    expect(answers).toEqual(Array(6).fill(200));
    expect(peak).toBeGreaterThanOrEqual(1);
    expect(peak).toBeLessThanOrEqual(2);
    // Every request process was reaped (no zombies left under the server).
    expect(requestChildren(root)).toEqual([]);
  });

  it('takes its in-flight request processes down when the server is SIGKILLed alone', async () => {
    started = await startTarget(spec('monolith-fastify-process'), { processPool: 3 });
    const { url } = started.target;
    const root = started.target.pids()[0]!;
    const inflight = Array.from({ length: 3 }, () => fetch(`${url}/health`).catch(() => undefined));
    expect(await waitUntil(() => requestChildren(root).length > 0, 10_000)).toBe(true);
    const children = requestChildren(root);
    process.kill(root, 'SIGKILL');
    await Promise.all(inflight);
    expect(await waitUntil(() => children.every((p) => !isAlive(p)), 10_000)).toBe(true);
  });
});

describe('monolith-fastify-w2', () => {
  it('pids() covers the workers through the tree, and the workers die with a SIGKILLed primary', async () => {
    started = await startTarget(spec('monolith-fastify-w2'), { env: { [STATE_PROBE_ENV]: '1' } });
    const root = started.target.pids()[0]!;
    const workers = requestChildren(root);
    expect(workers).toHaveLength(2);
    for (const w of workers) expect(readFileSync(`/proc/${w}/cmdline`, 'utf8')).toContain('monolith/main');
    // Both workers serve the one port: fresh connections are handed out round-robin.
    const served = new Set<number>();
    for (let i = 0; i < 6; i++) served.add((await probeOnFreshConnection(started.target.url)).probe.pid);
    expect([...served].sort()).toEqual([...workers].sort());
    process.kill(root, 'SIGKILL');
    expect(await waitUntil(() => workers.every((p) => !isAlive(p)), 10_000)).toBe(true);
  });
});

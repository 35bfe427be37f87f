// GraphQL and --tick on the micro targets: the gateway serves POST /graphql (answers equal
// REST's, the state check passes) over every transport, with and without the loader; the tick
// runs at its period in the billing process (recorded as the tickService axis).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../../targets/contracts/conformance.js';
import { findTarget } from '../../../targets/catalog.js';
import { withEdgeAxes, type EdgeSwitches } from '../../../targets/edge/switches.js';
import type { RunningTarget } from '../../../targets/target.js';
import { tempDir } from '../fixtures.js';

async function withMicro(name: string, edge: EdgeSwitches, body: (t: RunningTarget & { jwtSecret?: string }, dataDir: string) => Promise<void>): Promise<void> {
  const spec = findTarget(name);
  if (!spec) throw new Error(`no target ${name}`);
  const dir = tempDir(`archbench-${name}-`);
  const abort = new AbortController();
  const target = await spec.start({ dataDir: dir.path, host: '127.0.0.1', signal: abort.signal, readyTimeoutMs: 30_000, options: { edge } });
  try {
    await body(target, dir.path);
  } finally {
    await target.stop();
    abort.abort();
    dir.remove();
  }
}

describe.each([
  ['micro-rest-fastify', 'on'],
  ['micro-grpc-express', 'on'],
  ['micro-nats-fastify', 'off'],
  ['micro-amqp-express', 'on'],
  ['micro-redis-fastify', 'on'],
] as const)('%s --graphql-loader %s', (name, loader) => {
  it('answers GraphQL equal to REST, with ownership, and passes the state check', async () => {
    await withMicro(name, { graphqlLoader: loader }, async (t) => {
      const report = await runConformance(t.url, { graphql: true, state: true, ...(t.jwtSecret ? { jwtSecret: t.jwtSecret } : {}) });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.checks.filter((c) => c.name.includes('/graphql')).length).toBeGreaterThanOrEqual(6);
    });
  });
});

function tickPids(dataDir: string): number[] {
  const file = join(dataDir, 'tick.log');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => Number(l.split(' ')[0])) : [];
}

it('micro --tick runs in the billing process, at its period', async () => {
  await withMicro('micro-rest-fastify', { tick: { periodMs: 50, cpuMs: 2 }, tickIn: 'worker' }, async (t, dataDir) => {
    await new Promise((r) => setTimeout(r, 300));
    const before = tickPids(dataDir).length;
    await new Promise((r) => setTimeout(r, 1000));
    const pids = tickPids(dataDir);
    // 20 expected in 1 s; timers on a shared machine drift, so within 25%.
    expect(pids.length - before).toBeGreaterThanOrEqual(15);
    expect(pids.length - before).toBeLessThanOrEqual(23);
    const [pid, ...others] = [...new Set(pids)];
    expect(others).toEqual([]);
    expect(t.pids()).toContain(pid);
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toMatch(/services[/\\]billing[/\\]main\.[jt]s/);
  });
  expect(withEdgeAxes(findTarget('micro-rest-fastify')!.axes, { tick: { periodMs: 50, cpuMs: 2 } })).toMatchObject({ tick: '50ms:2ms', tickIn: 'worker', tickService: 'billing' });
});

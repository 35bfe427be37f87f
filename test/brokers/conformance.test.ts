// The broker micro targets (nats, amqp, redis), started the way the harness starts them against
// the real local brokers, pass the same conformance suite as every other target, count the
// events they carried, and leave neither processes nor broker names behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTarget } from '../../targets/catalog.js';
import { runConformance } from '../../targets/contracts/conformance.js';
import type { RunningTarget } from '../../targets/target.js';
import { isAlive } from '../helpers/cli.js';
import { tempDir } from '../targets/fixtures.js';
import { brokerNames } from './broker-names.js';

describe.each(['micro-nats-fastify', 'micro-nats-express', 'micro-amqp-fastify', 'micro-amqp-express', 'micro-redis-fastify', 'micro-redis-express'])('%s', (name) => {
  const dir = tempDir('archbench-broker-');
  const abort = new AbortController();
  let target: (RunningTarget & { jwtSecret?: string }) | undefined;
  let pids: number[] = [];
  const startedAt = Date.now();

  beforeAll(async () => {
    target = await findTarget(name)!.start({ dataDir: dir.path, host: '127.0.0.1', signal: abort.signal, readyTimeoutMs: 30_000, options: {} });
    pids = target.pids();
  });

  afterAll(async () => {
    await target?.stop();
    abort.abort();
    dir.remove();
  });

  it('passes the conformance suite', async () => {
    await target!.events!.reset(startedAt);
    const report = await runConformance(target!.url, { jwtSecret: target!.jwtSecret! });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('every UserRegistered published during the suite was committed by billing, with a latency', async () => {
    let stats = await target!.events!.read();
    for (let i = 0; i < 50 && stats.consumed < stats.published; i++) {
      await new Promise((r) => setTimeout(r, 100));
      stats = await target!.events!.read();
    }
    expect(stats.published).toBeGreaterThan(0);
    expect(stats.consumed).toBe(stats.published);
    expect(stats.latencyHistograms.length).toBeGreaterThan(0);
  });

  it('stop() ends every process and drops the namespace from the broker', async () => {
    const transport = findTarget(name)!.axes.transport!;
    await target!.stop();
    expect(pids.filter(isAlive)).toEqual([]);
    expect(await brokerNames(transport, startedAt)).toEqual([]);
  });
});

// Faults: the broker connections of a running micro target drop mid-load (a TCP proxy between
// every process and the real broker destroys them and refuses new ones for a second). Clients
// reconnect, the requests that failed meanwhile are counted, the outage window is recorded,
// and every event the broker acknowledged is committed by billing after recovery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventWindow, type RunEventStats } from '../../harness/event-window.js';
import { findTarget } from '../../targets/catalog.js';
import type { RunningTarget } from '../../targets/target.js';
import { BROKERS, type BrokerKind } from '../../targets/transports/broker-config.js';
import { tempDir } from '../targets/fixtures.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

const LOAD_MS = 5000;
const OUTAGE_AT_MS = 1500;
const OUTAGE_MS = 1000;
const CONCURRENCY = 8;

function proxiedUrl(kind: BrokerKind, port: number): string {
  const u = new URL(BROKERS[kind].defaultUrl);
  u.port = String(port);
  return u.toString().replace(/\/$/, '');
}

describe.each<BrokerKind>(['nats', 'amqp', 'redis'])('%s: broker connection dropped mid-run', (kind) => {
  const dir = tempDir(`archbench-drop-${kind}-`);
  const abort = new AbortController();
  let proxy: TcpProxy;
  let target: RunningTarget | undefined;

  beforeAll(async () => {
    proxy = await startTcpProxy(BROKERS[kind].defaultPort);
    target = await findTarget(`micro-${kind}-fastify`)!.start({
      dataDir: dir.path,
      host: '127.0.0.1',
      signal: abort.signal,
      readyTimeoutMs: 30_000,
      options: { brokerUrls: { [kind]: proxiedUrl(kind, proxy.port) } },
    });
  });

  afterAll(async () => {
    await target?.stop();
    await proxy?.close();
    abort.abort();
    dir.remove();
  });

  it('reconnects, records the errors and the outage, and loses no acknowledged event', async () => {
    const window = (await openEventWindow(target!))!;
    const statuses = new Map<number, number>();
    const started = Date.now();
    let n = 0;
    let slowestMs = 0;
    const worker = async () => {
      while (Date.now() - started < LOAD_MS) {
        const i = n++;
        const sent = Date.now();
        const res = await fetch(`${target!.url}/users`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Drop ${i}`, email: `drop-${kind}-${started}-${i}@example.test`, password: 'drop-password' }),
          signal: AbortSignal.timeout(10_000),
        }).catch(() => null);
        const status = res ? res.status : 0;
        await res?.body?.cancel();
        slowestMs = Math.max(slowestMs, Date.now() - sent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    const outage = setTimeout(() => proxy.outage(OUTAGE_MS), OUTAGE_AT_MS);
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    clearTimeout(outage);
    const stats: RunEventStats = await window.close(abort.signal);

    const created = statuses.get(201) ?? 0;
    const failed = [...statuses].filter(([s]) => s !== 201).reduce((a, [, c]) => a + c, 0);
    // Load went on after the outage: sign-ups succeeded. While it lasted, requests either failed
    // (502/503/504) or waited for the reconnect (ioredis queues commands while offline): the
    // outage must show up in one of the two.
    expect(created).toBeGreaterThan(0);
    expect(failed > 0 || slowestMs >= OUTAGE_MS / 2, `failed ${failed}, slowest ${slowestMs} ms`).toBe(true);
    expect([...statuses.keys()].every((s) => [201, 502, 503, 504].includes(s)), JSON.stringify([...statuses])).toBe(true);
    // Every acknowledged event was committed once recovered; nothing left behind.
    expect(stats.published).toBeGreaterThanOrEqual(created);
    // At least once: an event whose publish acknowledgement was lost with the connection may
    // still have reached the broker, so the consumer can commit more than was acknowledged.
    expect(stats.consumed).toBeGreaterThanOrEqual(stats.published);
    expect(stats.backlogAfterDrain).toBe(0);
    // The outage was seen by the processes and closed again (they reconnected).
    expect(stats.outages.length).toBeGreaterThan(0);
    expect(stats.outages.every((o) => o.toS !== null && o.toS >= o.fromS)).toBe(true);
    const first = Math.min(...stats.outages.map((o) => o.fromS));
    expect(first).toBeGreaterThanOrEqual((OUTAGE_AT_MS - 500) / 1000);
  });
});

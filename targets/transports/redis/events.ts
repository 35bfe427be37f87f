// UserRegistered over a Redis stream: XADD resolves once Redis holds the event; each consuming
// service reads it through its consumer group and XACKs after its handler committed. A failed
// handler leaves the entry pending; a claim loop (XAUTOCLAIM) hands entries idle for longer than
// CLAIM_IDLE_MS to this instance again, so failed and orphaned deliveries are redelivered.
import { encodeJson, eventMessage, readEvent } from '../broker-messages.js';
import { EVENT_CONSUMERS, type EventConsumers, type EventPublisher } from '../transport.js';
import { UpstreamError } from '../upstream-error.js';
import { ensureGroup, eventStream, field, openRedis, readLoop, ready, type StreamEntry, type StreamRead, streamEntries } from './connection.js';

const BATCH = 128;
const BLOCK_MS = 1000;
const CLAIM_IDLE_MS = 1000;
const CLAIM_EVERY_MS = 500;
const RETRY_MS = 100;

export async function redisPublisher(url: string, namespace: string, timeoutMs: number): Promise<EventPublisher> {
  const r = openRedis(url, 'publisher');
  await ready(r).catch((err: unknown) => {
    r.disconnect();
    throw err;
  });
  const stream = eventStream(namespace, 'UserRegistered');
  // Groups exist before the first event, so no consumer misses one published before it started.
  for (const s of EVENT_CONSUMERS.UserRegistered) await ensureGroup(r, stream, s, '0');
  return {
    // Across a dropped connection: tried again until the deadline (a duplicate is harmless,
    // consumers are idempotent; a lost event is not).
    publish: async (event) => {
      const body = encodeJson(eventMessage(event));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          await r.call('XADD', eventStream(namespace, event.type), '*', 'm', body);
          return;
        } catch (err) {
          if (Date.now() + RETRY_MS >= deadline) {
            throw new UpstreamError('unavailable', 'event broker', `UserRegistered not accepted by Redis within ${timeoutMs} ms: ${(err as Error).message}`, { cause: err });
          }
          await new Promise((res) => setTimeout(res, RETRY_MS));
        }
      }
    },
    close: async () => {
      await r.quit().catch(() => r.disconnect());
    },
  };
}

export async function consumeRedisEvents(url: string, namespace: string, group: string, instance: string, consumes: EventConsumers): Promise<() => Promise<void>> {
  const consumer = consumes.UserRegistered;
  if (!consumer) return async () => undefined;
  const stream = eventStream(namespace, 'UserRegistered');
  const cmd = openRedis(url, `${instance} events`);
  const reader = openRedis(url, `${instance} events reader`);
  await Promise.all([ready(cmd), ready(reader)]).catch((err: unknown) => {
    cmd.disconnect();
    reader.disconnect();
    throw err;
  });
  await ensureGroup(cmd, stream, group, '0');
  let stopped = false;
  const inFlight = new Set<string>();
  const handle = (entry: StreamEntry, redelivered: boolean) => {
    if (inFlight.has(entry[0])) return;
    inFlight.add(entry[0]);
    void (async () => {
      try {
        const { event, publishedAtMs } = readEvent(field(entry, 'm') ?? '');
        await consumer(event, { publishedAtMs, redelivered });
        await cmd.call('XACK', stream, group, entry[0]);
      } catch {
        // Left pending: the claim loop delivers it again.
      } finally {
        inFlight.delete(entry[0]);
      }
    })();
  };
  const reading = readLoop(() => stopped, async () => {
    const res = (await reader.call('XREADGROUP', 'GROUP', group, instance, 'COUNT', BATCH, 'BLOCK', BLOCK_MS, 'STREAMS', stream, '>')) as StreamRead;
    for (const e of streamEntries(res)) handle(e, false);
  });
  const claim = setInterval(() => {
    void (cmd.call('XAUTOCLAIM', stream, group, instance, CLAIM_IDLE_MS, '0-0', 'COUNT', BATCH) as Promise<[string, StreamEntry[]]>)
      .then(([, entries]) => {
        for (const e of entries) if (e && e[1]) handle(e, true);
      })
      .catch(() => undefined);
  }, CLAIM_EVERY_MS);
  return async () => {
    stopped = true;
    clearInterval(claim);
    reader.disconnect();
    await reading;
    await cmd.quit().catch(() => cmd.disconnect());
  };
}


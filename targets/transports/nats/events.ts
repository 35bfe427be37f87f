// UserRegistered over JetStream: a file-backed stream per namespace, publishes acknowledged by
// the server (PubAck) and deduplicated by eventId, and one durable pull consumer per consuming
// service with explicit acks: a failed handler naks, so the event is delivered again.
import { AckPolicy, DeliverPolicy, headers, nanos, StorageType, type ConsumerMessages, type NatsConnection } from 'nats';
import { eventMessage, encodeJson, readEvent } from '../broker-messages.js';
import type { EventConsumers, EventPublisher } from '../transport.js';
import { eventStream, eventSubject } from './connection.js';

/** How long an unacknowledged delivery waits before JetStream redelivers it. */
const ACK_WAIT_MS = 5000;
const NAK_DELAY_MS = 200;

export async function ensureEventStream(nc: NatsConnection, namespace: string): Promise<string> {
  const jsm = await nc.jetstreamManager();
  const name = eventStream(namespace);
  const config = {
    name,
    subjects: [eventSubject(namespace, '>')],
    storage: StorageType.File,
    duplicate_window: nanos(120_000),
    max_age: nanos(24 * 3600_000),
  };
  try {
    await jsm.streams.add(config);
  } catch (err) {
    // Another process of the same start created it first: that is the one we want.
    if (!/already in use|exists/i.test(String((err as Error).message))) throw err;
  }
  return name;
}

export async function natsPublisher(nc: NatsConnection, namespace: string, timeoutMs: number): Promise<EventPublisher> {
  await ensureEventStream(nc, namespace);
  const js = nc.jetstream({ timeout: timeoutMs });
  return {
    publish: async (event) => {
      const h = headers();
      h.set('Nats-Msg-Id', event.eventId);
      // Resolves on the server's PubAck: the event is stored in the stream.
      await js.publish(eventSubject(namespace, event.type), encodeJson(eventMessage(event)), { msgID: event.eventId, headers: h, timeout: timeoutMs });
    },
    close: async () => undefined,
  };
}

export async function consumeNatsEvents(nc: NatsConnection, namespace: string, durable: string, consumes: EventConsumers): Promise<() => Promise<void>> {
  const consumer = consumes.UserRegistered;
  if (!consumer) return async () => undefined;
  const stream = await ensureEventStream(nc, namespace);
  const jsm = await nc.jetstreamManager();
  try {
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(ACK_WAIT_MS),
      max_ack_pending: 1024,
      filter_subject: eventSubject(namespace, 'UserRegistered'),
    });
  } catch (err) {
    if (!/already in use|exists/i.test(String((err as Error).message))) throw err;
  }
  const js = nc.jetstream();
  const messages: ConsumerMessages = await (await js.consumers.get(stream, durable)).consume({ max_messages: 256 });
  const done = (async () => {
    for await (const m of messages) {
      // Handled concurrently; ordering between different users does not matter.
      void (async () => {
        try {
          const { event, publishedAtMs } = readEvent(m.data);
          await consumer(event, { publishedAtMs, redelivered: m.info.redelivered });
          m.ack();
        } catch {
          m.nak(NAK_DELAY_MS);
        }
      })();
    }
  })();
  return async () => {
    await messages.close().catch(() => undefined);
    await done.catch(() => undefined);
  };
}

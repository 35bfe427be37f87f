// At-least-once delivery with an idempotent consumer, on each real broker: the first delivery of
// every event commits and then "crashes" before its ack, so the broker must deliver it again;
// the redelivery is marked, acknowledged, and opens nothing twice. A republished event (same
// eventId) is a duplicate too.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRegistered } from '../../targets/domain/events.js';
import { billingApp } from '../../targets/services/billing/app.js';
import { openSqliteBilling } from '../../targets/storage/sqlite/billing-storage.js';
import type { BillingStorage } from '../../targets/storage/ports.js';
import { BROKERS, newNamespace, type BrokerKind } from '../../targets/transports/broker-config.js';
import { dropNamespace } from '../../targets/transports/broker-cleanup.js';
import { loadTransport } from '../../targets/transports/registry.js';
import type { DeliveryInfo, EventPublisher, ServedInstance, ServiceClient } from '../../targets/transports/transport.js';
import { tempDir } from '../targets/fixtures.js';

const EVENTS = 5;

async function until(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

describe.each<BrokerKind>(['nats', 'amqp', 'redis'])('%s: forced redelivery', (kind) => {
  const dir = tempDir(`archbench-redeliver-${kind}-`);
  const namespace = newNamespace();
  const url = BROKERS[kind].defaultUrl;
  let storage: BillingStorage;
  let served: ServedInstance;
  let publisher: EventPublisher;
  const deliveries: Array<{ event: UserRegistered; delivery: DeliveryInfo | undefined; opened: boolean }> = [];
  const crashed = new Set<string>();

  beforeAll(async () => {
    const transport = await loadTransport(kind);
    storage = openSqliteBilling(dir.path);
    const noUsers = new Promise<ServiceClient<'users'>>(() => undefined);
    const app = billingApp(storage, noUsers, (event, delivery, opened) => deliveries.push({ event, delivery, opened }));
    served = await transport.serve('billing', app.operations, {
      instance: 'billing#1',
      host: '127.0.0.1',
      port: 0,
      brokerUrl: url,
      namespace,
      consumes: {
        UserRegistered: async (event, delivery) => {
          await app.consumes.UserRegistered!(event, delivery);
          // Committed, then lost before the ack: the broker has to deliver it again.
          if (!crashed.has(event.eventId)) {
            crashed.add(event.eventId);
            throw new Error('simulated crash between commit and ack');
          }
        },
      },
    });
    publisher = await transport.publisher({ peers: {}, brokerUrl: url, namespace, timeoutMs: 5000 });
  });

  afterAll(async () => {
    await publisher?.close();
    await served?.close();
    await storage?.close();
    await dropNamespace(kind, url, namespace);
    dir.remove();
  });

  it('redelivers an unacknowledged event, and the consumer opens each account once', async () => {
    const events: UserRegistered[] = Array.from({ length: EVENTS }, (_, i) => ({
      type: 'UserRegistered',
      eventId: randomUUID(),
      userId: randomUUID(),
      email: `redeliver-${i}@example.test`,
      occurredAt: new Date().toISOString(),
    }));
    for (const e of events) await publisher.publish(e);
    await until(() => deliveries.length >= 2 * EVENTS, 15_000);

    for (const e of events) {
      const mine = deliveries.filter((d) => d.event.eventId === e.eventId);
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(mine.filter((d) => d.opened)).toHaveLength(1);
      expect(mine[0]!.opened).toBe(true);
      expect(mine.slice(1).every((d) => d.delivery?.redelivered === true)).toBe(true);
      expect(await storage.accounts.exists(e.userId)).toBe(true);
      // The broker carried the publish time, so latency starts at publish, not at occurredAt.
      expect(mine[0]!.delivery?.publishedAtMs).toEqual(expect.any(Number));
    }

    // The same event published again (a publisher retry): delivered, changes nothing.
    const before = deliveries.length;
    await publisher.publish(events[0]!);
    await until(() => deliveries.length > before, kind === 'nats' ? 1000 : 10_000);
    // NATS deduplicates by eventId inside its window: the duplicate may never reach the consumer.
    if (kind !== 'nats') expect(deliveries.slice(before).some((d) => d.event.eventId === events[0]!.eventId && !d.opened)).toBe(true);
    expect(deliveries.filter((d) => d.opened)).toHaveLength(EVENTS);
  });
});

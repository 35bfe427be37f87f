// UserRegistered into a durable queue per consuming service, persistent messages, publisher
// confirms: publish() resolves once RabbitMQ has taken responsibility for the event. Across a
// dropped connection it waits for the next one and publishes again (within the deadline); a
// resulting duplicate is harmless because consumers are idempotent.
import type { ChannelModel, ConfirmChannel } from 'amqplib';
import { encodeJson, eventMessage } from '../broker-messages.js';
import { EVENT_CONSUMERS, type EventPublisher } from '../transport.js';
import { UpstreamError } from '../upstream-error.js';
import { EVENT_QUEUE_ARGS, eventQueue, openAmqp } from './connection.js';
import { Latest } from './latest.js';

function confirmOne(ch: ConfirmChannel, queue: string, body: Buffer, messageId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      ch.sendToQueue(queue, body, { persistent: true, messageId, contentType: 'application/json' }, (err: unknown) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()));
    } catch (err) {
      reject(err as Error);
    }
  });
}

export async function amqpPublisher(url: string, namespace: string, timeoutMs: number): Promise<EventPublisher> {
  const channel = new Latest<ConfirmChannel>();
  const queues = EVENT_CONSUMERS.UserRegistered.map((s) => eventQueue(namespace, s));
  const setup = async (model: ChannelModel) => {
    const ch = await model.createConfirmChannel();
    ch.on('error', () => undefined);
    for (const q of queues) await ch.assertQueue(q, EVENT_QUEUE_ARGS);
    channel.set(ch);
  };
  const model = await openAmqp(url, 'publisher', setup, () => channel.clear());
  return {
    publish: async (event) => {
      const body = encodeJson(eventMessage(event));
      const deadline = Date.now() + timeoutMs;
      let lastError: unknown;
      while (Date.now() < deadline) {
        const ch = await channel.next(deadline - Date.now());
        if (!ch) break;
        try {
          await Promise.all(queues.map((q) => confirmOne(ch, q, body, event.eventId)));
          return;
        } catch (err) {
          lastError = err;
          if (channel.now() === ch) channel.clear();
        }
      }
      throw new UpstreamError('unavailable', 'event broker', `UserRegistered not confirmed by RabbitMQ within ${timeoutMs} ms${lastError ? `: ${(lastError as Error).message}` : ''}`);
    },
    close: () => model.close().catch(() => undefined),
  };
}

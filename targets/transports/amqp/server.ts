// Server half of the amqp transport: instances of a service share one RPC queue (competing
// consumers) and answer to the caller's replyTo with its correlationId; billing also consumes
// its durable event queue, acknowledging after the handler committed.
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { answerCall, encodeJson, readEvent, requireBrokerUrl, requireNamespace } from '../broker-messages.js';
import type { EventConsumers, ServeOptions, ServedInstance, ServiceName, ServiceOperations } from '../transport.js';
import { EVENT_QUEUE_ARGS, RPC_QUEUE_ARGS, eventQueue, openAmqp, rpcQueue } from './connection.js';

/** Unacknowledged messages per channel: enough concurrency for a service, bounded memory. */
const PREFETCH = 128;

function consumeEvents(ch: Channel, queue: string, consumes: EventConsumers): Promise<unknown> {
  const consumer = consumes.UserRegistered;
  if (!consumer) return Promise.resolve();
  return ch.consume(queue, (msg: ConsumeMessage | null) => {
    if (!msg) return;
    void (async () => {
      try {
        const { event, publishedAtMs } = readEvent(msg.content);
        await consumer(event, { publishedAtMs, redelivered: msg.fields.redelivered });
        ch.ack(msg);
      } catch {
        // Back to the queue: delivered again (redelivered = true). A closed channel requeues by itself.
        try {
          ch.nack(msg, false, true);
        } catch {
          /* channel gone */
        }
      }
    })();
  });
}

export async function serveAmqp<S extends ServiceName>(service: S, impl: ServiceOperations[S], opts: ServeOptions): Promise<ServedInstance> {
  const namespace = requireNamespace(opts.namespace, 'amqp');
  const queue = rpcQueue(namespace, service);
  const setup = async (model: ChannelModel) => {
    const ch = await model.createChannel();
    ch.on('error', () => undefined);
    await ch.prefetch(PREFETCH);
    await ch.assertQueue(queue, RPC_QUEUE_ARGS);
    await ch.consume(queue, (msg) => {
      if (!msg) return;
      void answerCall(service, impl, msg.content).then((reply) => {
        try {
          if (msg.properties.replyTo) ch.sendToQueue(msg.properties.replyTo, encodeJson(reply), { correlationId: msg.properties.correlationId });
          ch.ack(msg);
        } catch {
          /* the connection dropped mid-call: the caller times out or was told "unavailable" */
        }
      });
    });
    if (opts.consumes) {
      const ech = await model.createChannel();
      ech.on('error', () => undefined);
      await ech.prefetch(PREFETCH);
      const q = eventQueue(namespace, service);
      await ech.assertQueue(q, EVENT_QUEUE_ARGS);
      await consumeEvents(ech, q, opts.consumes);
    }
  };
  const model = await openAmqp(requireBrokerUrl(opts.brokerUrl, 'amqp'), `${opts.instance} server`, setup);
  return { endpoint: null, close: () => model.close().catch(() => undefined) };
}

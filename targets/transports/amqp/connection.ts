// One recovering RabbitMQ connection per process half (amqplib's opt-in recovery): after every
// (re)connect the half's `setup` declares its queues and consumers again on fresh channels.
import { connect, type ChannelModel, type RecoveringChannelModel } from 'amqplib';
import { connectionDown, connectionUp } from '../connection-log.js';

/** Declared identically by every process: RabbitMQ refuses a redeclaration with other arguments. */
export const RPC_QUEUE_ARGS = { durable: false, arguments: { 'x-expires': 60_000 } };
/** Durable, and gone an hour after its last consumer left (leftovers of a killed run). */
export const EVENT_QUEUE_ARGS = { durable: true, arguments: { 'x-expires': 3_600_000 } };

export const rpcQueue = (namespace: string, service: string) => `${namespace}.rpc.${service}`;
export const eventQueue = (namespace: string, consumer: string) => `${namespace}.events.${consumer}`;

export async function openAmqp(url: string, name: string, setup: (model: ChannelModel) => Promise<void>, onDown: () => void = () => undefined): Promise<RecoveringChannelModel> {
  const model = await connect(url, {
    clientProperties: { connection_name: name },
    recovery: { initialDelay: 100, maxDelay: 1000, jitter: 0.2, initialMaxRetries: 2, maxRetries: Infinity, setup },
  });
  model.on('error', () => undefined);
  model.on('disconnect', (err: Error) => {
    connectionDown(`amqp ${name}`, err?.message ?? 'disconnected');
    onDown();
  });
  model.on('connect', () => connectionUp(`amqp ${name}`));
  return model;
}

// Removes everything one target start declared on RabbitMQ (its RPC and event queues).
import { connect } from 'amqplib';
import { EVENT_CONSUMERS, SERVICE_NAMES } from '../transport.js';
import { eventQueue, rpcQueue } from './connection.js';

export async function dropAmqpNamespace(url: string, namespace: string): Promise<void> {
  const model = await connect(url);
  try {
    const ch = await model.createChannel();
    const queues = [...SERVICE_NAMES.map((s) => rpcQueue(namespace, s)), ...EVENT_CONSUMERS.UserRegistered.map((s) => eventQueue(namespace, s))];
    for (const q of queues) await ch.deleteQueue(q);
    await ch.close();
  } finally {
    await model.close().catch(() => undefined);
  }
}

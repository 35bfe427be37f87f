// One entry per broker: drop every name a target start created under its namespace.
import type { BrokerKind } from './broker-config.js';

export const namespaceDroppers: Readonly<Record<BrokerKind, () => Promise<(url: string, namespace: string) => Promise<void>>>> = {
  nats: async () => (await import('./nats/cleanup.js')).dropNatsNamespace,
  amqp: async () => (await import('./amqp/cleanup.js')).dropAmqpNamespace,
  redis: async () => (await import('./redis/cleanup.js')).dropRedisNamespace,
};

export async function dropNamespace(kind: BrokerKind, url: string, namespace: string): Promise<void> {
  await (await namespaceDroppers[kind]())(url, namespace);
}

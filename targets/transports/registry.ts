// The explicit list of transports. Loaded on demand: a process pays only for the one it uses.
import type { Transport } from './transport.js';

export const transportLoaders: Readonly<Record<string, () => Promise<Transport>>> = {
  rest: async () => (await import('./rest/index.js')).restTransport,
  grpc: async () => (await import('./grpc/index.js')).grpcTransport,
  nats: async () => (await import('./nats/index.js')).natsTransport,
  amqp: async () => (await import('./amqp/index.js')).amqpTransport,
  redis: async () => (await import('./redis/index.js')).redisTransport,
};

export const transportNames = Object.keys(transportLoaders);

export async function loadTransport(name: string): Promise<Transport> {
  const load = transportLoaders[name];
  if (!load) throw new Error(`unknown transport "${name}"; valid transports: ${transportNames.join(', ')}`);
  return load();
}

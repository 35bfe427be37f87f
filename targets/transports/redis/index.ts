// The redis transport: Redis Streams with consumer groups for calls (replies correlated by id on
// a per-client reply stream) and for UserRegistered.
import { requireBrokerUrl, requireNamespace } from '../broker-messages.js';
import { clientFromCall } from '../dispatch.js';
import type { Transport } from '../transport.js';
import { RedisRpcClient } from './client.js';
import { redisPublisher } from './events.js';
import { serveRedis } from './server.js';

export const redisTransport: Transport = {
  name: 'redis',
  kind: 'broker',
  serve: serveRedis,
  async connect(service, opts) {
    const client = await RedisRpcClient.open(requireBrokerUrl(opts.brokerUrl, 'redis'), requireNamespace(opts.namespace, 'redis'), service, opts.timeoutMs);
    return clientFromCall(service, (op, input) => client.call(op, input), () => client.close());
  },
  publisher: (opts) => redisPublisher(requireBrokerUrl(opts.brokerUrl, 'redis'), requireNamespace(opts.namespace, 'redis'), opts.timeoutMs),
};

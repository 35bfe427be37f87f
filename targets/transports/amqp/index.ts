// The amqp transport: RabbitMQ (amqplib) request/reply with direct reply-to between services,
// a durable queue with publisher confirms for UserRegistered.
import { requireBrokerUrl, requireNamespace } from '../broker-messages.js';
import { clientFromCall } from '../dispatch.js';
import type { Transport } from '../transport.js';
import { AmqpRpcClient } from './client.js';
import { amqpPublisher } from './publisher.js';
import { serveAmqp } from './server.js';

export const amqpTransport: Transport = {
  name: 'amqp',
  kind: 'broker',
  serve: serveAmqp,
  async connect(service, opts) {
    const client = await AmqpRpcClient.open(requireBrokerUrl(opts.brokerUrl, 'amqp'), requireNamespace(opts.namespace, 'amqp'), service, opts.timeoutMs);
    return clientFromCall(service, (op, input) => client.call(op, input), () => client.close());
  },
  publisher: (opts) => amqpPublisher(requireBrokerUrl(opts.brokerUrl, 'amqp'), requireNamespace(opts.namespace, 'amqp'), opts.timeoutMs),
};

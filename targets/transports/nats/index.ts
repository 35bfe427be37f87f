// The nats transport: core NATS request/reply between services, JetStream for UserRegistered.
import { clientFromCall } from '../dispatch.js';
import { encodeJson, readReply, requireBrokerUrl, requireNamespace } from '../broker-messages.js';
import type { Transport } from '../transport.js';
import { openNats, rpcSubject } from './connection.js';
import { fromNatsError } from './errors.js';
import { natsPublisher } from './events.js';
import { serveNats } from './server.js';

export const natsTransport: Transport = {
  name: 'nats',
  kind: 'broker',
  serve: serveNats,
  async connect(service, opts) {
    const namespace = requireNamespace(opts.namespace, 'nats');
    const nc = await openNats(requireBrokerUrl(opts.brokerUrl, 'nats'), `${service} client`);
    const subject = rpcSubject(namespace, service);
    const call = async (op: string, input: unknown) => {
      try {
        const msg = await nc.request(subject, encodeJson({ op, input }), { timeout: opts.timeoutMs });
        return readReply(msg.data, service);
      } catch (err) {
        throw fromNatsError(err, service, opts.timeoutMs);
      }
    };
    return clientFromCall(service, call, () => nc.close());
  },
  async publisher(opts) {
    const namespace = requireNamespace(opts.namespace, 'nats');
    const nc = await openNats(requireBrokerUrl(opts.brokerUrl, 'nats'), 'publisher');
    try {
      const pub = await natsPublisher(nc, namespace, opts.timeoutMs);
      return { publish: (e) => pub.publish(e), close: () => nc.close() };
    } catch (err) {
      await nc.close();
      throw err;
    }
  },
};

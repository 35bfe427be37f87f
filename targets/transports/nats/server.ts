// Server half of the nats transport: one queue-group subscription per service (instances share
// the work), core request/reply, and the JetStream consumer when the instance consumes events.
import { answerCall, encodeJson, requireBrokerUrl, requireNamespace } from '../broker-messages.js';
import type { ServeOptions, ServedInstance, ServiceName, ServiceOperations } from '../transport.js';
import { openNats, rpcSubject } from './connection.js';
import { consumeNatsEvents } from './events.js';

export async function serveNats<S extends ServiceName>(service: S, impl: ServiceOperations[S], opts: ServeOptions): Promise<ServedInstance> {
  const namespace = requireNamespace(opts.namespace, 'nats');
  const nc = await openNats(requireBrokerUrl(opts.brokerUrl, 'nats'), `${opts.instance} server`);
  try {
    const sub = nc.subscribe(rpcSubject(namespace, service), {
      queue: service,
      callback: (err, msg) => {
        if (err) return;
        void answerCall(service, impl, msg.data).then((reply) => msg.respond(encodeJson(reply)));
      },
    });
    const stopEvents = opts.consumes ? await consumeNatsEvents(nc, namespace, service, opts.consumes) : async () => undefined;
    await nc.flush();
    return {
      endpoint: null,
      close: async () => {
        sub.unsubscribe();
        await stopEvents();
        await nc.close();
      },
    };
  } catch (err) {
    await nc.close();
    throw err;
  }
}

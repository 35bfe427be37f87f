// The rest transport: HTTP/1.1 + JSON, undici keep-alive pools on the client side.
import { clientFromCall } from '../dispatch.js';
import { EVENT_CONSUMERS, type EventPublisher, type Transport } from '../transport.js';
import { RestChannel } from './client.js';
import { serveRest } from './server.js';

export const restTransport: Transport = {
  name: 'rest',
  kind: 'direct',
  serve: serveRest,
  async connect(service, opts) {
    const channel = new RestChannel(service, opts.endpoints, opts.timeoutMs);
    return clientFromCall(service, (op, input) => channel.call(op, input), () => channel.close());
  },
  async publisher(opts): Promise<EventPublisher> {
    const channels = new Map(
      EVENT_CONSUMERS.UserRegistered.map((s) => [s, new RestChannel(s, opts.peers[s] ?? [], opts.timeoutMs)] as const),
    );
    return {
      // Resolves once every consuming service acknowledged (one instance each, round-robin).
      publish: async (event) => {
        await Promise.all(EVENT_CONSUMERS[event.type].map((s) => channels.get(s)!.deliver(event.type, event)));
      },
      close: async () => {
        await Promise.all([...channels.values()].map((c) => c.close()));
      },
    };
  },
};

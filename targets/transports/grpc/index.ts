// The grpc transport: @grpc/grpc-js unary calls with protobuf messages from targets/contracts/proto.
// Chosen over @connectrpc/connect-node after measuring both (scripts/bench-transports.ts, README).
import { clientFromCall } from '../dispatch.js';
import type { EventPublisher, Transport } from '../transport.js';
import { GrpcServiceChannel, grpcChannels, unaryCall } from './client.js';
import { grpcDefinitions } from './proto.js';
import { serveGrpc } from './server.js';

export const grpcTransport: Transport = {
  name: 'grpc',
  kind: 'direct',
  serve: serveGrpc,
  async connect(service, opts) {
    const channel = new GrpcServiceChannel(service, opts.endpoints, opts.timeoutMs);
    return clientFromCall(service, (op, input) => channel.call(op, input), () => channel.close());
  },
  async publisher(opts): Promise<EventPublisher> {
    // UserRegistered's only consumer is billing (EVENT_CONSUMERS): its BillingEvents service.
    const channels = grpcChannels(grpcDefinitions().billingEvents, opts.peers.billing ?? [], 'billing instances');
    return {
      publish: async ({ type: _type, ...message }) => {
        await unaryCall(channels.next(), 'UserRegistered', message, opts.timeoutMs, 'billing');
      },
      close: async () => {
        for (const c of channels.all()) c.close();
      },
    };
  },
};

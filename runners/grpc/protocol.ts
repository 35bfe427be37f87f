// gRPC as a load protocol: the scenario's gRPC calls and a pool of grpc-js channels.
import type { LoadProtocol } from '../engine/load-client.js';
import { GrpcCallMix } from './call-mix.js';
import { grpcClient } from './client.js';
import { seedOverGrpc } from './seed.js';
import { grpcStatusKind } from './status.js';

export const grpcProtocol: LoadProtocol = {
  name: 'grpc',
  seed: seedOverGrpc,
  async open(url, scenario, context, opts) {
    const mix = new GrpcCallMix(scenario.requests, context);
    return { mix, client: await grpcClient(url, opts), statusKind: grpcStatusKind };
  },
};

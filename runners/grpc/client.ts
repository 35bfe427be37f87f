// Unary calls over a small pool of long-lived grpc-js channels (one HTTP/2 connection each,
// calls multiplexed and spread round-robin), a deadline per call, no per-call metadata, and
// replies left undecoded: the generator pays for sending, not for parsing.
import * as grpc from '@grpc/grpc-js';
import type { ClientOptions, LoadClient, SendCallback } from '../engine/load-client.js';
import { resolveGrpcTarget } from './address.js';
import type { PreparedGrpcCall } from './call-mix.js';
import { MAX_CHANNELS } from './pool-size.js';


const NO_METADATA = new grpc.Metadata();
const keepBytes = (b: Buffer) => b;

export interface GrpcChannels {
  readonly clients: readonly grpc.Client[];
  close(): void;
}

/** Open `count` channels to the (checked) target and wait until every one is connected. */
export async function openChannels(url: string, count: number, opts: Pick<ClientOptions, 'timeoutMs' | 'allowRemote'>): Promise<GrpcChannels> {
  const target = await resolveGrpcTarget(url, opts.allowRemote);
  // A local subchannel pool per channel: otherwise grpc-js shares one connection between them.
  const clients = Array.from({ length: Math.max(1, count) }, () => new grpc.Client(target, grpc.credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 }));
  const close = () => clients.forEach((c) => c.close());
  try {
    await Promise.all(
      clients.map((c) => new Promise<void>((resolve, reject) => c.waitForReady(Date.now() + opts.timeoutMs, (err) => (err ? reject(err) : resolve())))),
    );
  } catch (err) {
    close();
    throw new Error(`cannot connect to ${url} within ${opts.timeoutMs} ms: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { clients, close };
}

export async function grpcClient(url: string, opts: ClientOptions): Promise<LoadClient<PreparedGrpcCall>> {
  const channels = await openChannels(url, Math.min(MAX_CHANNELS, opts.connections), opts);
  const clients = channels.clients;
  let next = 0;
  return {
    send(call: PreparedGrpcCall, done: SendCallback) {
      const client = clients[next]!;
      next = (next + 1) % clients.length;
      client.makeUnaryRequest(call.method.path, call.method.serialize, keepBytes, call.message, NO_METADATA, { deadline: Date.now() + opts.timeoutMs }, (err) =>
        done(err ? err.code : grpc.status.OK, null),
      );
    },
    close: async () => channels.close(),
  };
}

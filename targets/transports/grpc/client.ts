// Client half of the grpc transport: long-lived @grpc/grpc-js channels, several per instance
// (one HTTP/2 connection each, spread round-robin), a deadline on every call, and no per-call
// metadata (one shared empty Metadata object).
import * as grpc from '@grpc/grpc-js';
import { RoundRobin } from '../round-robin.js';
import type { Endpoint, ServiceName } from '../transport.js';
import { UpstreamError } from '../upstream-error.js';
import { REPLY_CODECS } from './codec.js';
import { fromGrpcError } from './errors.js';
import { grpcDefinitions, rpcName } from './proto.js';

/** Channels per instance: scripts/bench-transports.ts found several channels at least as fast as one. */
export const CHANNELS_PER_INSTANCE = 2;

type Unary = (req: unknown, md: grpc.Metadata, opts: grpc.CallOptions, cb: (err: grpc.ServiceError | null, res?: unknown) => void) => grpc.ClientUnaryCall;

const NO_METADATA = new grpc.Metadata();

function target(e: Endpoint): string {
  return e.host.includes(':') ? `[${e.host}]:${e.port}` : `${e.host}:${e.port}`;
}

export function grpcChannels(ctor: grpc.ServiceClientConstructor, endpoints: readonly Endpoint[], what: string): RoundRobin<grpc.Client> {
  const clients: grpc.Client[] = [];
  // Channel-major order (a0 b0 a1 b1): consecutive calls alternate between instances.
  for (let i = 0; i < CHANNELS_PER_INSTANCE; i++) {
    for (const e of endpoints) {
      // A distinct option per channel keeps grpc-js from sharing one subchannel (one connection) between them.
      clients.push(new ctor(target(e), grpc.credentials.createInsecure(), { 'archbench.channel': i } as grpc.ChannelOptions));
    }
  }
  return new RoundRobin(clients, what);
}

export function unaryCall(client: grpc.Client, method: string, request: unknown, timeoutMs: number, service: string): Promise<unknown> {
  const fn = (client as unknown as Record<string, Unary>)[method];
  if (!fn) return Promise.reject(new UpstreamError('bad_gateway', service, `no rpc ${method}`));
  return new Promise((resolve, reject) => {
    fn.call(client, request, NO_METADATA, { deadline: Date.now() + timeoutMs }, (err, res) => (err ? reject(fromGrpcError(err, service)) : resolve(res)));
  });
}

export class GrpcServiceChannel {
  readonly #service: ServiceName;
  readonly #channels: RoundRobin<grpc.Client>;
  readonly #timeoutMs: number;

  constructor(service: ServiceName, endpoints: readonly Endpoint[], timeoutMs: number) {
    this.#service = service;
    this.#timeoutMs = timeoutMs;
    this.#channels = grpcChannels(grpcDefinitions().services[service], endpoints, `${service} instances`);
  }

  async call(operation: string, input: unknown): Promise<unknown> {
    const codec = REPLY_CODECS[this.#service][operation];
    if (!codec) throw new UpstreamError('bad_gateway', this.#service, `no operation ${operation}`);
    const reply = await unaryCall(this.#channels.next(), rpcName(operation), input, this.#timeoutMs, this.#service);
    return codec.fromWire(reply);
  }

  async close(): Promise<void> {
    for (const c of this.#channels.all()) c.close();
  }
}

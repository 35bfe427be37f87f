// Server half of the grpc transport: one @grpc/grpc-js server per service instance, exposing
// the service's rpcs (and BillingEvents when the instance consumes events).
import * as grpc from '@grpc/grpc-js';
import { userRegisteredSchema } from '../../domain/events.js';
import { findOperation } from '../dispatch.js';
import { OPERATIONS, type ServeOptions, type ServedInstance, type ServiceName, type ServiceOperations } from '../transport.js';
import { REPLY_CODECS } from './codec.js';
import { toGrpcError } from './errors.js';
import { grpcDefinitions, rpcName } from './proto.js';

type UnaryHandler = grpc.handleUnaryCall<unknown, unknown>;

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export async function serveGrpc<S extends ServiceName>(service: S, impl: ServiceOperations[S], opts: ServeOptions): Promise<ServedInstance> {
  const defs = grpcDefinitions();
  const server = new grpc.Server();
  const handlers: Record<string, UnaryHandler> = {};
  for (const op of OPERATIONS[service]) {
    const fn = findOperation(service, impl, op)!;
    const codec = REPLY_CODECS[service][op]!;
    handlers[rpcName(op)] = (call, callback) => {
      fn(call.request).then(
        (result) => callback(null, codec.toWire(result)),
        (err: unknown) => callback(toGrpcError(err)),
      );
    };
  }
  server.addService(defs.services[service].service, handlers);
  const consumer = opts.consumes?.UserRegistered;
  if (consumer) {
    server.addService(defs.billingEvents.service, {
      UserRegistered: ((call, callback) => {
        Promise.resolve()
          .then(() => consumer(userRegisteredSchema.parse({ type: 'UserRegistered', ...(call.request as object) })))
          .then(() => callback(null, {}), (err: unknown) => callback(toGrpcError(err)));
      }) satisfies UnaryHandler,
    });
  }
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(hostPort(opts.host, opts.port), grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    endpoint: { host: opts.host, port },
    close: () =>
      new Promise<void>((resolve) => {
        // Graceful first; in-flight calls get a short grace, then the rest are cancelled.
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 1000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

// Service and method lookup in .proto files (ours in targets/contracts/proto by default, or a
// scenario's own file): the path and request encoder of each unary method a scenario calls.
import * as protoLoader from '@grpc/proto-loader';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../common/errors.js';

// The contracts are data files (runners import no targets code); from the build
// (dist/runners/grpc) they are still found in the source tree's targets/contracts/proto.
function contractDir(): string {
  const beside = fileURLToPath(new URL('../../targets/contracts/proto/', import.meta.url));
  return existsSync(beside) ? beside : beside.replace(`${sep}dist${sep}targets${sep}`, `${sep}targets${sep}`);
}

export const CONTRACT_PROTOS = ['users.proto', 'billing.proto'];

export interface UnaryMethod {
  /** "/archbench.users.v1.Users/Get" */
  path: string;
  serialize(message: unknown): Buffer;
  deserialize(bytes: Buffer): unknown;
}

export class GrpcMethodError extends UsageError {
  constructor(message: string) {
    super(message, 'ERR_GRPC_METHOD');
  }
}

// Same field conventions as the grpc transport: camelCase, int64 as numbers.
const LOAD_OPTIONS: protoLoader.Options = { keepCase: false, longs: Number, defaults: true, oneofs: false };
const loaded = new Map<string, protoLoader.PackageDefinition>();

function packageOf(proto: string | undefined): protoLoader.PackageDefinition {
  const files = proto ? [resolve(proto)] : CONTRACT_PROTOS.map((f) => resolve(contractDir(), f));
  const key = files.join('\n');
  let def = loaded.get(key);
  if (!def) {
    const missing = files.filter((f) => !existsSync(f));
    if (missing.length) throw new GrpcMethodError(`no such .proto file: ${missing.join(', ')}`);
    def = protoLoader.loadSync(files.map((f) => basename(f)), { ...LOAD_OPTIONS, includeDirs: [...new Set(files.map((f) => dirname(f)))] });
    loaded.set(key, def);
  }
  return def;
}

function isService(d: protoLoader.AnyDefinition): d is protoLoader.ServiceDefinition {
  return !('format' in d);
}

/** The unary method `service/method`; an unknown name lists the valid ones. */
export function unaryMethod(service: string, method: string, proto?: string): UnaryMethod {
  const def = packageOf(proto);
  const services = Object.entries(def).filter((e): e is [string, protoLoader.ServiceDefinition] => isService(e[1]));
  const svc = services.find(([name]) => name === service)?.[1];
  const where = proto ?? 'targets/contracts/proto';
  if (!svc) throw new GrpcMethodError(`unknown gRPC service "${service}" in ${where}; valid services: ${services.map(([n]) => n).join(', ')}`);
  const m = svc[method];
  if (!m) throw new GrpcMethodError(`unknown method "${method}" of ${service}; valid methods: ${Object.keys(svc).join(', ')}`);
  if (m.requestStream || m.responseStream) throw new GrpcMethodError(`${service}/${method} is a streaming method; the grpc runner sends unary calls only`);
  return { path: m.path, serialize: (msg) => m.requestSerialize(msg as object), deserialize: (b) => m.responseDeserialize(b) };
}

// The echo service's descriptors for both gRPC implementations, from the same .proto files.
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';
import { serviceFromProto } from './descriptors.js';

export const PROTO_DIR = fileURLToPath(new URL('../../targets/contracts/proto/', import.meta.url));

export interface EchoUser {
  id: string;
  name: string;
  email: string;
  createdAt: string;
}

export const SAMPLE_USER: EchoUser = {
  id: '0b6f6f3e-8d7e-4a59-9a0f-2f1c3c1f5e11',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  createdAt: '2024-05-01T12:00:00.000Z',
};

export function grpcJsEchoService(): grpc.ServiceClientConstructor {
  const def = protoLoader.loadSync('echo.proto', { includeDirs: [PROTO_DIR], keepCase: false, longs: Number, defaults: true });
  const pkg = grpc.loadPackageDefinition(def) as unknown as { archbench: { bench: { v1: { Echo: grpc.ServiceClientConstructor } } } };
  return pkg.archbench.bench.v1.Echo;
}

export function connectEchoService() {
  return serviceFromProto(PROTO_DIR, ['users.proto', 'echo.proto'], 'archbench.bench.v1.Echo');
}

// The .proto contracts (targets/contracts/proto) loaded once per process for @grpc/grpc-js.
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceName } from '../transport.js';

// Next to the sources; from the build (dist/targets/...) the .proto files stay in targets/.
function protoDir(): string {
  const beside = fileURLToPath(new URL('../../contracts/proto/', import.meta.url));
  return existsSync(beside) ? beside : beside.replace(`${sep}dist${sep}targets${sep}`, `${sep}targets${sep}`);
}
export const PROTO_DIR = protoDir();

// camelCase fields, int64 as JS numbers (amounts stay below 2^53), absent optionals stay absent.
const LOAD_OPTIONS: protoLoader.Options = { includeDirs: [PROTO_DIR], keepCase: false, longs: Number, defaults: true, oneofs: false };

export interface GrpcDefinitions {
  services: Record<ServiceName, grpc.ServiceClientConstructor>;
  billingEvents: grpc.ServiceClientConstructor;
}

let loaded: GrpcDefinitions | undefined;

export function grpcDefinitions(): GrpcDefinitions {
  if (loaded) return loaded;
  const def = protoLoader.loadSync(['users.proto', 'billing.proto'], LOAD_OPTIONS);
  const root = grpc.loadPackageDefinition(def) as unknown as {
    archbench: {
      users: { v1: { Users: grpc.ServiceClientConstructor } };
      billing: { v1: { Billing: grpc.ServiceClientConstructor; BillingEvents: grpc.ServiceClientConstructor } };
    };
  };
  loaded = {
    services: { users: root.archbench.users.v1.Users, billing: root.archbench.billing.v1.Billing },
    billingEvents: root.archbench.billing.v1.BillingEvents,
  };
  return loaded;
}

/** Operation name -> rpc method name: register -> Register. */
export const rpcName = (operation: string) => operation[0]!.toUpperCase() + operation.slice(1);

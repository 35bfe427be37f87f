// Seeding a gRPC target: users registered through the users service's Register rpc, in
// parallel, before any load. The users service has no billing or token rpcs, so a scenario
// that asks for invoices cannot be seeded over gRPC (a clear error, not an empty list).
import * as grpc from '@grpc/grpc-js';
import { seedPassword, type SeedData } from '../engine/context.js';
import type { SeedSpec } from '../../scenarios/define.js';
import { openChannels } from './client.js';
import { unaryMethod } from './methods.js';

const CONCURRENCY = 16;
const SEED_CALL_TIMEOUT_MS = 10_000;

export async function seedOverGrpc(url: string, spec: SeedSpec, runId: string, signal: AbortSignal, allowRemote: boolean): Promise<SeedData> {
  if (spec.invoicesPerUser > 0) throw new Error(`seed: a gRPC target is seeded through the users service, which creates users only (invoicesPerUser is ${spec.invoicesPerUser}; set it to 0)`);
  const register = unaryMethod('archbench.users.v1.Users', 'Register');
  const channels = await openChannels(url, 1, { timeoutMs: SEED_CALL_TIMEOUT_MS, allowRemote });
  const client = channels.clients[0]!;
  const call = (message: unknown) =>
    new Promise<{ id?: unknown }>((resolve, reject) => {
      client.makeUnaryRequest(register.path, register.serialize, register.deserialize, message, { deadline: Date.now() + SEED_CALL_TIMEOUT_MS }, (err: grpc.ServiceError | null, reply?: unknown) =>
        err ? reject(new Error(`seed: Register answered ${grpc.status[err.code]}: ${err.details}`)) : resolve(reply as { id?: unknown }),
      );
    });
  try {
    const userIds: string[] = new Array(spec.users);
    let next = 0;
    const worker = async () => {
      while (next < spec.users) {
        signal.throwIfAborted();
        const i = next++;
        const user = await call({ name: `Seed ${i}`, email: `seed-${runId}-${i}@example.test`, password: seedPassword(runId) });
        if (typeof user.id !== 'string') throw new Error('seed: Register returned a user without an id');
        userIds[i] = user.id;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, spec.users) }, worker));
    // No token rpc on the users service: requests drawing ctx.authorization get ''.
    return { userIds, invoiceIds: [], authorization: '', authorizations: [], invoiceOwners: [] };
  } finally {
    channels.close();
  }
}

// The gateway's N+1 over a real transport hop: without the loader a GraphQL list of users is
// one users.get call per user; with it, one users.getMany call (one hop, one storage read).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PasswordHasher } from '../../../targets/domain/auth/password-hasher.js';
import type { ChildServer } from '../../../targets/lifecycle/child.js';
import { serveFastify } from '../../../targets/monolith/fastify.js';
import { gatewayGraphQLReads } from '../../../targets/services/gateway/graphql-reads.js';
import { usersOperations } from '../../../targets/services/users/app.js';
import { openSqliteUsers } from '../../../targets/storage/sqlite/users-storage.js';
import { loadTransport } from '../../../targets/transports/registry.js';
import type { ServedInstance, ServiceClient, UsersOperations } from '../../../targets/transports/transport.js';
import { TEST_SCRYPT_N, tempDir } from '../fixtures.js';

const dir = tempDir('archbench-micro-nplus1-');
const storage = openSqliteUsers(dir.path);
const calls = { get: 0, getMany: 0 };
let served: ServedInstance;
let users: ServiceClient<'users'>;
const servers: ChildServer[] = [];
const ids: string[] = [];

beforeAll(async () => {
  const ops = usersOperations(storage, Promise.resolve({ publish: async () => undefined, close: async () => undefined }), new PasswordHasher(TEST_SCRYPT_N));
  const counted: UsersOperations = { ...ops, get: (i) => (calls.get++, ops.get(i)), getMany: (i) => (calls.getMany++, ops.getMany(i)) };
  const rest = await loadTransport('rest');
  served = await rest.serve('users', counted, { instance: 'users#1', host: '127.0.0.1', port: 0 });
  users = await rest.connect('users', { endpoints: [served.endpoint!], timeoutMs: 5000 });
  for (let i = 0; i < 8; i++) ids.push((await ops.register({ name: `N${i}`, email: `n${i}@example.com`, password: 'n-plus-one-pw' })).id);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await users?.close();
  await served?.close();
  await storage.close();
  dir.remove();
});

it.each([
  // 8 users and 2 repeats, one hop each.
  ['off', { get: 10, getMany: 0 }],
  // Every id in one batch; the repeats come from the loader's cache.
  ['on', { get: 0, getMany: 1 }],
] as const)('loader %s -> %j users calls', async (loader, expected) => {
  // The query reads users only: billing is never called.
  const billing = {} as ServiceClient<'billing'>;
  const authenticate = () => Promise.reject(new Error('not called'));
  const s = await serveFastify([], { host: '127.0.0.1', port: 0, injectCpuUs: 0, graphql: { reads: gatewayGraphQLReads(users, billing), authenticate, loader: loader === 'on' } });
  servers.push(s);
  Object.assign(calls, { get: 0, getMany: 0 });
  const asked = [...ids, ids[0]!, ids[1]!];
  const unknown = '00000000-0000-4000-8000-000000000000';
  const res = await fetch(`http://127.0.0.1:${s.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($ids: [ID!]!) { users(ids: $ids) { id } }', variables: { ids: asked } }),
  });
  const body = (await res.json()) as { data: { users: Array<{ id: string }> }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.data.users.map((u) => u.id)).toEqual(asked);
  expect({ ...calls }).toEqual(expected);
  // An unknown id in the batch is its own null item with the REST 404's code, whichever path read it.
  const missing = await fetch(`http://127.0.0.1:${s.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($ids: [ID!]!) { users(ids: $ids) { id } }', variables: { ids: [ids[0], unknown] } }),
  });
  const m = (await missing.json()) as { data: { users: Array<{ id: string } | null> }; errors: Array<{ extensions: { code: string } }> };
  expect(m.data.users).toEqual([{ id: ids[0] }, null]);
  expect(m.errors.map((e) => e.extensions.code)).toEqual(['not_found']);
});

// The GraphQL edge on both frameworks: answers equal REST's (the conformance suite's GraphQL
// checks, on the catalog targets), and the N+1 query costs one storage read per user without
// the loader and a single batched read with it (counted on the real SQLite repository).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../../targets/contracts/conformance.js';
import { bindRoutes } from '../../../targets/contracts/http/pipeline.js';
import { TokenService } from '../../../targets/domain/auth/token-service.js';
import { PasswordHasher } from '../../../targets/domain/auth/password-hasher.js';
import { BillingService } from '../../../targets/domain/billing/billing-service.js';
import { InProcessEventBus } from '../../../targets/domain/in-process-bus.js';
import type { UserRepository } from '../../../targets/domain/ports.js';
import { UserService, localUserDirectory } from '../../../targets/domain/users/user-service.js';
import type { ChildServer } from '../../../targets/lifecycle/child.js';
import { serveExpress } from '../../../targets/monolith/express.js';
import { serveFastify } from '../../../targets/monolith/fastify.js';
import { monolithGraphQLReads } from '../../../targets/monolith/graphql-reads.js';
import { monolithHandlers } from '../../../targets/monolith/handlers.js';
import { openSqliteBilling } from '../../../targets/storage/sqlite/billing-storage.js';
import { openSqliteUsers } from '../../../targets/storage/sqlite/users-storage.js';
import { TEST_SCRYPT_N, tempDir } from '../fixtures.js';
import { startEdge, type EdgeTarget } from './start-edge.js';

describe.each(['fastify', 'express'] as const)('GraphQL conformance on monolith-%s-graphql', (framework) => {
  let t: EdgeTarget;
  beforeAll(async () => {
    t = await startEdge(framework, { graphqlLoader: 'on' });
  });
  afterAll(() => t?.stop());

  it('answers equal REST for the same data, with ownership enforced', async () => {
    const report = await runConformance(t.target.url, { graphql: true, ...(t.target.jwtSecret ? { jwtSecret: t.target.jwtSecret } : {}) });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.filter((c) => c.name.includes('/graphql')).length).toBeGreaterThanOrEqual(6);
  });
});

/** Counts user reads on the real repository: one call = one storage round trip. */
function counting(repo: UserRepository) {
  const calls = { findById: 0, findByIds: 0 };
  const wrapped: UserRepository = {
    insert: (u) => repo.insert(u),
    findById: (id) => (calls.findById++, repo.findById(id)),
    findByIds: (ids) => (calls.findByIds++, repo.findByIds(ids)),
    findByEmail: (e) => repo.findByEmail(e),
    markAnnounced: (id, at) => repo.markAnnounced(id, at),
    existsById: (id) => repo.existsById(id),
  };
  return { wrapped, calls, reset: () => Object.assign(calls, { findById: 0, findByIds: 0 }) };
}

const N_PLUS_ONE = 'query($ids: [ID!]!, $me: ID!) { users(ids: $ids) { id name } me: user(id: $me) { invoices(limit: 10) { items { id owner { id name } } } } }';

describe.each([
  ['fastify', serveFastify],
  ['express', serveExpress],
] as const)('the N+1 query on %s', (_name, serve) => {
  const dir = tempDir('archbench-nplus1-');
  const usersStorage = openSqliteUsers(dir.path);
  const billingStorage = openSqliteBilling(dir.path);
  const repo = counting(usersStorage.users);
  const bus = new InProcessEventBus();
  const users = new UserService({ users: repo.wrapped, events: bus, passwords: new PasswordHasher(TEST_SCRYPT_N) });
  const billing = new BillingService({ invoices: billingStorage.invoices, accounts: billingStorage.accounts, directory: localUserDirectory(users) });
  billing.subscribeTo(bus);
  const tokens = new TokenService({ secret: 'graphql-test-secret-0123456789' });
  const authenticate = (h: string | undefined) => tokens.verifyAuthorization(h);
  const routes = bindRoutes(monolithHandlers({ users, billing, tokens }), authenticate);
  const servers: ChildServer[] = [];
  let ids: string[] = [];
  let me = '';
  let token = '';

  beforeAll(async () => {
    for (let i = 0; i < 10; i++) ids.push((await users.register({ name: `N${i}`, email: `n${i}-${Date.now()}@example.com`, password: 'n-plus-one-pw' })).id);
    me = ids[0]!;
    token = (await tokens.issue(me)).token;
    for (let i = 0; i < 5; i++) await billing.createInvoice({ userId: me, amountCents: 100 + i, currency: 'EUR' }, me);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await usersStorage.close();
    await billingStorage.close();
    dir.remove();
  });

  it.each([
    // 10 users + me + 5 invoice owners, one read each.
    ['off', { findById: 16, findByIds: 0 }],
    // Every user id of the query in one batch; the owners (me again) come from the loader's cache.
    ['on', { findById: 0, findByIds: 1 }],
  ] as const)('loader %s -> %j user reads', async (loader, expected) => {
    const s = await serve(routes, { host: '127.0.0.1', port: 0, injectCpuUs: 0, graphql: { reads: monolithGraphQLReads({ users, billing }), authenticate, loader: loader === 'on' } });
    servers.push(s);
    repo.reset();
    const res = await fetch(`http://127.0.0.1:${s.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: N_PLUS_ONE, variables: { ids, me } }),
    });
    const body = (await res.json()) as { data: { users: Array<{ id: string }>; me: { invoices: { items: Array<{ owner: { id: string } }> } } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.users.map((u) => u.id)).toEqual(ids);
    expect(body.data.me.invoices.items.map((i) => i.owner.id)).toEqual(Array(5).fill(me));
    expect({ ...repo.calls }).toEqual(expected);
  });
});

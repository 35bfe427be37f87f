// The transport contract, on every direct transport: typed calls round-trip, domain errors
// cross the wire intact (class, code, message, field), UserRegistered is delivered and
// acknowledged, calls spread over instances, and a dead or stuck service becomes an
// UpstreamError instead of a hang. Real services on real SQLite, real sockets on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordHasher } from '../../targets/domain/auth/password-hasher.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, UnprocessableError, ValidationError } from '../../targets/domain/errors.js';
import type { UserRegistered } from '../../targets/domain/events.js';
import { billingApp } from '../../targets/services/billing/app.js';
import { usersOperations } from '../../targets/services/users/app.js';
import { openSqliteBilling } from '../../targets/storage/sqlite/billing-storage.js';
import { openSqliteUsers } from '../../targets/storage/sqlite/users-storage.js';
import { loadTransport } from '../../targets/transports/registry.js';
import type { Endpoint, EventPublisher, ServedInstance, ServiceClient, Transport, UsersOperations } from '../../targets/transports/transport.js';
import { UpstreamError } from '../../targets/transports/upstream-error.js';
import { TEST_SCRYPT_N, tempDir } from '../targets/fixtures.js';

const PW = 'transport-password';

const TIMEOUT_MS = 2000;
const never = (): never => {
  throw new Error('not called in this test');
};

describe.each(['rest', 'grpc'])('%s transport', (name) => {
  const dir = tempDir(`archbench-transport-${name}-`);
  const closers: Array<() => Promise<void>> = [];
  let transport: Transport;
  let users: ServiceClient<'users'>;
  let billing: ServiceClient<'billing'>;
  let publisher: EventPublisher;
  let billingEndpoint: Endpoint;
  const delivered: UserRegistered[] = [];

  beforeAll(async () => {
    transport = await loadTransport(name);
    const usersStorage = openSqliteUsers(`${dir.path}/users`);
    const billingStorage = openSqliteBilling(`${dir.path}/billing`);
    closers.push(() => usersStorage.close(), () => billingStorage.close());

    // Billing first: users publishes to it; billing reaches users through a client made later.
    let resolveUsersClient!: (c: ServiceClient<'users'>) => void;
    const usersForBilling = new Promise<ServiceClient<'users'>>((r) => (resolveUsersClient = r));
    const app = billingApp(billingStorage, usersForBilling);
    const billingServed = await transport.serve('billing', app.operations, {
      instance: 'billing#1',
      host: '127.0.0.1',
      port: 0,
      consumes: {
        UserRegistered: async (e) => {
          delivered.push(e);
          await app.consumes.UserRegistered!(e);
        },
      },
    });
    billingEndpoint = billingServed.endpoint!;
    const pub = transport.publisher({ peers: { billing: [billingEndpoint] }, timeoutMs: TIMEOUT_MS });
    const usersServed = await transport.serve('users', usersOperations(usersStorage, pub, new PasswordHasher(TEST_SCRYPT_N)), { instance: 'users#1', host: '127.0.0.1', port: 0 });
    closers.unshift(() => billingServed.close(), () => usersServed.close());
    publisher = await pub;
    closers.unshift(() => publisher.close());
    const usersEndpoints = [usersServed.endpoint!];
    const forBilling = await transport.connect('users', { endpoints: usersEndpoints, timeoutMs: TIMEOUT_MS });
    resolveUsersClient(forBilling);
    users = await transport.connect('users', { endpoints: usersEndpoints, timeoutMs: TIMEOUT_MS });
    billing = await transport.connect('billing', { endpoints: [billingEndpoint], timeoutMs: TIMEOUT_MS });
    closers.unshift(() => forBilling.close(), () => users.close(), () => billing.close());
  });

  afterAll(async () => {
    for (const c of closers) await c().catch(() => undefined);
    dir.remove();
  });

  it('round-trips typed calls, including nulls, optionals and 64-bit amounts', async () => {
    const u = await users.register({ name: 'Ada', email: `ada-${name}@example.com`, password: PW });
    expect(u).toMatchObject({ name: 'Ada', email: `ada-${name}@example.com` });
    expect(await users.get({ id: u.id })).toEqual(u);
    expect(await users.exists({ id: u.id })).toBe(true);
    expect(await users.exists({ id: 'not-a-uuid' })).toBe(false);

    const inv = await billing.createInvoice({ userId: u.id, amountCents: 99_999_999_999, currency: 'EUR', subject: u.id });
    expect(inv).toMatchObject({ userId: u.id, amountCents: 99_999_999_999, currency: 'EUR', status: 'open', paidAt: null });
    const paid = await billing.payInvoice({ id: inv.id, subject: u.id });
    expect(paid.paidAt).toEqual(expect.any(String));
    await billing.createInvoice({ userId: u.id, amountCents: 1, currency: 'USD', subject: u.id });
    const first = await billing.listInvoices({ userId: u.id, limit: 1, subject: u.id });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await billing.listInvoices({ userId: u.id, limit: 1, cursor: first.nextCursor!, subject: u.id });
    expect(second.items.map((i) => i.id)).toEqual([inv.id]);
    expect((await billing.listInvoices({ userId: u.id, subject: u.id })).nextCursor).toBeNull();
  });

  it('batch-reads users in order, each unknown or malformed id answered with its own error (the GraphQL loader\'s call)', async () => {
    const u = await users.register({ name: 'Batch', email: `batch-${name}@example.com`, password: PW });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const { results } = await users.getMany({ ids: [u.id, unknown, 'not-a-uuid', u.id] });
    expect(results).toEqual([{ user: u }, { error: expect.objectContaining({ code: 'not_found' }) }, { error: expect.objectContaining({ code: 'validation', field: 'id' }) }, { user: u }]);
  });

  it('carries domain errors intact: class, code, message and field', async () => {
    const u = await users.register({ name: 'Bob', email: `bob-${name}@example.com`, password: PW });
    const dup = await users.register({ name: 'Bob', email: `bob-${name}@example.com`, password: 'another-password' }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ConflictError);
    expect(dup).toMatchObject({ code: 'conflict', field: 'email', message: 'a user with this email already exists' });

    const missing = await users.get({ id: '00000000-0000-4000-8000-000000000000' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).field).toBeUndefined();

    const badLimit = await billing.listInvoices({ userId: u.id, limit: 0, subject: u.id }).catch((e: unknown) => e);
    expect(badLimit).toBeInstanceOf(ValidationError);
    expect(badLimit).toMatchObject({ code: 'validation', field: 'limit' });

    // Billing asks users over the same transport: an unknown user is a 422 on userId.
    const ghost = '00000000-0000-4000-8000-000000000000';
    const unknown = await billing.createInvoice({ userId: ghost, amountCents: 5, currency: 'EUR', subject: ghost }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(UnprocessableError);
    expect(unknown).toMatchObject({ code: 'unprocessable', field: 'userId' });
  });

  it("carries the caller's subject: sign-in, and billing's ownership answers (403, 404 for pay)", async () => {
    const owner = await users.register({ name: 'Own', email: `own-${name}@example.com`, password: PW });
    const other = await users.register({ name: 'Eve', email: `eve-${name}@example.com`, password: PW });
    expect(await users.authenticate({ email: owner.email, password: PW })).toEqual(owner);
    const wrong = await users.authenticate({ email: owner.email, password: 'not-the-password' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(UnauthorizedError);
    const inv = await billing.createInvoice({ userId: owner.id, amountCents: 5, currency: 'EUR', subject: owner.id });
    const forged = await billing.createInvoice({ userId: owner.id, amountCents: 5, currency: 'EUR', subject: other.id }).catch((e: unknown) => e);
    expect(forged).toBeInstanceOf(ForbiddenError);
    expect(forged).toMatchObject({ code: 'forbidden', field: 'userId' });
    expect(await billing.listInvoices({ userId: owner.id, subject: other.id }).catch((e: unknown) => e)).toBeInstanceOf(ForbiddenError);
    expect(await billing.payInvoice({ id: inv.id, subject: other.id }).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
  });

  it('delivers UserRegistered to billing before register() returns, once per registration', async () => {
    const before = delivered.length;
    const u = await users.register({ name: 'Cy', email: `cy-${name}@example.com`, password: PW });
    const mine = delivered.slice(before).filter((e) => e.userId === u.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ type: 'UserRegistered', email: u.email, occurredAt: u.createdAt });
    // A redelivery is acknowledged and changes nothing (idempotent consumer).
    await expect(publisher.publish(mine[0]!)).resolves.toBeUndefined();
  });

  it('spreads calls round-robin over instances', async () => {
    const hits = [0, 0];
    const counting = (i: number): UsersOperations => ({
      register: () => Promise.reject(new Error('unused')),
      authenticate: () => Promise.reject(new Error('unused')),
      get: () => Promise.reject(new Error('unused')),
      exists: async () => (hits[i]!++, true),
    });
    const a = await transport.serve('users', counting(0), { instance: 'users#a', host: '127.0.0.1', port: 0 });
    const b = await transport.serve('users', counting(1), { instance: 'users#b', host: '127.0.0.1', port: 0 });
    const client = await transport.connect('users', { endpoints: [a.endpoint!, b.endpoint!], timeoutMs: TIMEOUT_MS });
    try {
      for (let i = 0; i < 10; i++) await client.exists({ id: 'x' });
      expect(hits).toEqual([5, 5]);
    } finally {
      await client.close();
      await a.close();
      await b.close();
    }
  });

  it('turns a closed service into UpstreamError "unavailable" and a stuck one into "upstream_timeout"', async () => {
    const stuck: ServedInstance = await transport.serve(
      'users',
      { register: () => new Promise(() => undefined), authenticate: () => new Promise(() => undefined), get: () => new Promise(() => undefined), exists: () => new Promise(() => undefined) },
      { instance: 'users#stuck', host: '127.0.0.1', port: 0 },
    );
    const slow = await transport.connect('users', { endpoints: [stuck.endpoint!], timeoutMs: 300 });
    const timedOut = await slow.exists({ id: 'x' }).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(UpstreamError);
    expect(timedOut).toMatchObject({ code: 'upstream_timeout', service: 'users', status: 504 });
    await slow.close();

    const gone = await transport.serve('users', { register: async () => never(), authenticate: async () => never(), get: async () => never(), exists: async () => true }, {
      instance: 'users#gone',
      host: '127.0.0.1',
      port: 0,
    });
    const endpoint = gone.endpoint!;
    await gone.close();
    await stuck.close();
    const client = await transport.connect('users', { endpoints: [endpoint], timeoutMs: TIMEOUT_MS });
    const down = await client.exists({ id: 'x' }).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(UpstreamError);
    expect(down).toMatchObject({ code: 'unavailable', service: 'users', status: 503 });
    await client.close();
  });
});

// The grpc runner against a real grpc-js server (test/fixtures/grpc, ephemeral port, closed
// after): counts, status kinds, open-model latency from the intended send time, seeding and
// the loopback guard. Generator threads run from the build: see cli.test.ts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveGrpcTarget } from '../../../runners/grpc/address.js';
import { grpcRunner } from '../../../runners/grpc/index.js';
import { seedOverGrpc } from '../../../runners/grpc/seed.js';
import type { LoadPlan, Sample } from '../../../runners/runner.js';
import { defineScenario, type GrpcCall } from '../../../scenarios/define.js';
import type { ExecutorConfig } from '../../../scenarios/executor.js';
import { findScenario } from '../../../scenarios/registry.js';
import { startFixtureUsers, type FixtureUsersServer } from '../../fixtures/grpc/users-server.js';

const IDS = Array.from({ length: 20 }, () => randomUUID());
const get = (message: GrpcCall['message']): GrpcCall => ({ service: 'archbench.users.v1.Users', method: 'Get', message });

let server: FixtureUsersServer;
beforeAll(async () => {
  server = await startFixtureUsers(IDS);
});
afterAll(async () => {
  await server.close();
});

function plan(scenario: LoadPlan['scenario'], executor: ExecutorConfig, extra: Partial<LoadPlan> = {}): LoadPlan {
  return { url: server.url, scenario, executor, seed: { userIds: IDS, invoiceIds: [], authorization: '', authorizations: [], invoiceOwners: [] }, runId: 'grpc-test', timeoutMs: 5000, ...extra };
}

const p99Ms = (s: Sample) => s.histogram.getValueAtPercentile(99) / 1000;

describe('grpc runner', () => {
  it('counts every call the server received, and unexpected statuses by kind', async () => {
    const scenario = defineScenario({
      name: 'grpc-mix',
      description: 'known ids, unknown ids, and unknown ids where NOT_FOUND is the expected answer',
      requests: [
        { name: 'users.Get', weight: 2, grpc: get((ctx) => ({ id: ctx.userId() })) },
        { name: 'users.Get missing', weight: 1, grpc: get(() => ({ id: randomUUID() })) },
        { name: 'users.Get missing expected', weight: 1, expect: ['NOT_FOUND'], grpc: get(() => ({ id: randomUUID() })) },
      ],
      executor: { type: 'constant-vus', vus: 4, duration: '1s' },
    });
    const before = server.calls.Get;
    const s = await grpcRunner.run(plan(scenario, scenario.executor), new AbortController().signal, {});
    const found = s.byRequest.get('users.Get')!;
    const missing = s.byRequest.get('users.Get missing')!;
    const expected = s.byRequest.get('users.Get missing expected')!;

    expect(s.requests).toBe(server.calls.Get - before);
    expect(s.requests).toBe(found.requests + missing.requests + expected.requests);
    expect(found.requests).toBeGreaterThan(0);
    expect(missing.requests).toBeGreaterThan(0);
    expect(expected.requests).toBeGreaterThan(0);
    // Unknown ids fail as NOT_FOUND, unless NOT_FOUND is what the request expects.
    expect(found.errors).toBe(0);
    expect(missing.errors).toBe(missing.requests);
    expect(expected.errors).toBe(0);
    expect(s.errorsByKind).toEqual({ grpc_NOT_FOUND: missing.requests });
    expect(s.ok).toBe(s.requests - s.errors);
    // Only successful calls have a latency: the histograms count exactly those.
    expect(s.histogram.totalCount).toBe(s.ok);
    expect(found.histogram.totalCount + expected.histogram.totalCount).toBe(s.ok);
  });

  it('open model: latency counts from the intended send time, so a stall shows; the closed model hides it', async () => {
    const scenario = findScenario('grpc-get-user')!;
    const stallMs = 600;
    // Open: 200 arrivals/s for 2 s; the ~120 arrivals inside the stall wait for its end.
    server.stall(500, stallMs);
    const open = await grpcRunner.run(
      plan(scenario, { type: 'constant-arrival-rate', rate: 200, timeUnit: '1s', duration: '2s', preAllocatedVUs: 10, maxVUs: 400 }),
      new AbortController().signal,
      {},
    );
    // Closed, 1 VU: only the one call in flight when the stall starts waits for it.
    server.stall(500, stallMs);
    const closed = await grpcRunner.run(plan(scenario, { type: 'constant-vus', vus: 1, duration: '2s' }), new AbortController().signal, {});

    expect(open.requests + open.dropped).toBe(400);
    expect(open.errors).toBe(0);
    expect(open.lag).toBeDefined();
    expect(p99Ms(open)).toBeGreaterThan(stallMs * 0.6);
    expect(open.histogram.maxValue / 1000).toBeGreaterThan(stallMs * 0.8);
    // The closed loop saw the stall too (its max), but it is one sample among hundreds or more.
    expect(closed.histogram.maxValue / 1000).toBeGreaterThan(stallMs * 0.5);
    expect(closed.requests).toBeGreaterThan(100);
    expect(p99Ms(closed)).toBeLessThan(stallMs * 0.2);
  });

  it('seeds over gRPC through the users service Register rpc', async () => {
    const data = await seedOverGrpc(server.url, { users: 25, invoicesPerUser: 0, auth: false }, 'seedtest', new AbortController().signal, false);
    expect(data.userIds).toHaveLength(25);
    for (const id of data.userIds) expect(server.users.get(id)?.email).toMatch(/^seed-seedtest-\d+@example\.test$/);
    await expect(seedOverGrpc(server.url, { users: 1, invoicesPerUser: 2 }, 'x', new AbortController().signal, false)).rejects.toThrow(/creates users only.*invoicesPerUser is 2/);
  });

  it('names unknown services and methods with the valid ones, before any load', async () => {
    const bad = (service: string, method: string) =>
      defineScenario({ name: 'bad', description: '', requests: [{ name: 'x', weight: 1, grpc: { service, method, message: () => ({}) } }], executor: { type: 'constant-vus', vus: 1, duration: '1s' } });
    const run = (s: ReturnType<typeof bad>) => grpcRunner.run(plan(s, s.executor), new AbortController().signal, {});
    await expect(run(bad('archbench.users.v1.Nope', 'Get'))).rejects.toThrow(/unknown gRPC service "archbench.users.v1.Nope".*valid services: .*archbench\.users\.v1\.Users/);
    await expect(run(bad('archbench.users.v1.Users', 'Delete'))).rejects.toThrow(/unknown method "Delete" of archbench.users.v1.Users; valid methods: Register, Authenticate, Get, GetMany, Exists/);
  });

  it('refuses a non-loopback address before connecting, and a URL without a port', async () => {
    await expect(resolveGrpcTarget('grpc://10.1.2.3:50051', false)).rejects.toThrow(/refusing to load grpc:\/\/10\.1\.2\.3:50051: .*not a loopback address.*--allow-remote/);
    await expect(resolveGrpcTarget('grpc://10.1.2.3:50051', true)).resolves.toBe('10.1.2.3:50051');
    await expect(resolveGrpcTarget('grpc://[::1]:50051', false)).resolves.toBe('[::1]:50051');
    await expect(resolveGrpcTarget('grpc://127.0.0.1', false)).rejects.toThrow(/expected grpc:\/\/HOST:PORT with a port 1\.\.65535/);
  });

  it('is picked only for grpc:// targets', () => {
    expect(grpcRunner.unsupported({ type: 'constant-vus', vus: 1, duration: '1s' }, 'http://127.0.0.1:1')).toMatch(/grpc:\/\/ targets only/);
    expect(grpcRunner.unsupported({ type: 'constant-vus', vus: 1, duration: '1s' }, 'grpc://127.0.0.1:1')).toBeNull();
    expect(grpcRunner.unsupported({ type: 'constant-vus', vus: 0, duration: '1s' }, 'grpc://127.0.0.1:1')).toMatch(/vus/);
  });
});

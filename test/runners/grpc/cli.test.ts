// bench run with the grpc runner, through the built CLI: our svc-users-grpc target end to end
// (valid results, no process left behind), a user's gRPC service by --url with generator
// threads, and the usage errors that keep gRPC scenarios and HTTP targets apart.
import { Ajv } from 'ajv';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, bench, benchSync } from '../../helpers/cli.js';
import { startFixtureUsers, type FixtureUsersServer } from '../../fixtures/grpc/users-server.js';

interface RunJson {
  status: string;
  runs: Array<{
    target: string;
    status: string;
    requests: number;
    ok: number;
    errors: number;
    dropped: number;
    errorsByKind: Record<string, number>;
    byRequest: Record<string, { requests: number }>;
    workload: { runner: string; model: string };
    generator: { threads?: number };
    cpuMsPerRequest: number | null;
    latencyMs: { p50: number } | null;
  }>;
}

let out: string;
let server: FixtureUsersServer;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'grpc-cli-'));
  server = await startFixtureUsers();
});
afterAll(async () => {
  await server.close();
  rmSync(out, { recursive: true, force: true });
});

/** Live processes of svc-users-grpc: their child config names the target's data folder. */
function svcUsersGrpcProcesses(): number[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, 'utf8').includes('archbench-svc-users-grpc-');
    } catch {
      return false;
    }
  });
}

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunJson;

describe('bench run: grpc runner', () => {
  it('runs grpc-get-user against svc-users-grpc and writes valid results, leaving no process behind', async () => {
    const dir = join(out, 'svc');
    const r = await bench(['run', 'grpc-get-user', '--targets', 'svc-users-grpc', '--duration', '2', '--warmup', '1', '-c', '8', '-o', dir]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const results = read(dir);
    const schema = JSON.parse(readFileSync(join(ROOT, 'record/results.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, validateFormats: false });
    ajv.validate(schema, results);
    expect(ajv.errors ?? []).toEqual([]);
    const run = results.runs[0]!;
    expect(run).toMatchObject({ target: 'svc-users-grpc', status: 'ok', errors: 0, workload: { runner: 'grpc', model: 'closed' } });
    expect(run.requests).toBeGreaterThan(0);
    expect(run.byRequest['users.Get']!.requests).toBe(run.requests);
    // The users and billing processes were sampled: CPU per call is known.
    expect(run.cpuMsPerRequest).toBeGreaterThan(0);
    expect(svcUsersGrpcProcesses()).toEqual([]);
  });

  it('loads a gRPC service by --url: seeds through Register, open model over 2 generator threads, merged exactly', async () => {
    const dir = join(out, 'url');
    const before = { get: server.calls.Get, register: server.calls.Register };
    const r = await bench(['run', 'grpc-get-user', '--url', server.url, '--rate', '100', '--duration', '2', '--warmup', '0', '--generator-threads', '2', '-o', dir]);
    expect(r.code).toBe(0);
    const run = read(dir).runs[0]!;
    expect(server.calls.Register - before.register).toBe(1000);
    expect(run.workload).toMatchObject({ runner: 'grpc', model: 'open' });
    expect(run.generator.threads).toBe(2);
    // 100/s for 2 s: 200 arrivals, each sent or dropped; every sent call reached the server.
    expect(run.requests + run.dropped).toBe(200);
    expect(run.requests).toBe(server.calls.Get - before.get);
    expect(run.errors).toBe(0);
  });

  it('keeps gRPC scenarios and HTTP targets apart, naming the ones that fit', () => {
    const a = benchSync(['run', 'grpc-get-user', '--targets', 'monolith-fastify']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/scenario "grpc-get-user" sends gRPC calls, but monolith-fastify serves HTTP; targets that fit: svc-users-grpc or --url grpc:\/\/HOST:PORT/);
    const b = benchSync(['run', 'get-user', '--targets', 'svc-users-grpc']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/scenario "get-user" sends HTTP requests, but svc-users-grpc serves gRPC; targets that fit: monolith-fastify/);
    const c = benchSync(['run', 'grpc-get-user', '--url', 'grpc://127.0.0.1']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/--url: invalid gRPC URL "grpc:\/\/127.0.0.1": expected grpc:\/\/HOST:PORT with a port 1\.\.65535/);
    const d = benchSync(['run', 'grpc-get-user', '--targets', 'svc-users-grpc', '--runner', 'open']);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/--runner: no runner can execute constant-vus against grpc:.*\n\s+open: the open runner speaks HTTP only/);
  });
});

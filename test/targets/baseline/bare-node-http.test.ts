// The reference target serves its three routes with the same shapes as the full API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareNodeHttp } from '../../../targets/baseline/spec.js';
import { runEdgeConformance } from '../../../targets/contracts/conformance.js';
import { errorResponse, healthResponse, userResponse } from '../../../targets/contracts/schemas.js';
import type { RunningTarget } from '../../../targets/target.js';
import { tempDir } from '../fixtures.js';

describe('bare-node-http', () => {
  const dir = tempDir('archbench-baseline-');
  const abort = new AbortController();
  let target: RunningTarget | undefined;
  beforeAll(async () => {
    target = await bareNodeHttp.start({ dataDir: dir.path, host: '127.0.0.1', signal: abort.signal, readyTimeoutMs: 15_000, options: {} });
  });
  afterAll(async () => {
    await target?.stop();
    dir.remove();
  });

  const post = (path: string, body: unknown) =>
    fetch(target!.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('is a reference target with the node-http axes', () => {
    expect(bareNodeHttp.reference).toBe(true);
    expect(bareNodeHttp.axes).toEqual({ topology: 'monolith', framework: 'node-http', lifecycle: 'persistent', workers: 1, storage: 'sqlite' });
  });

  it('serves health, creates and reads users, refuses duplicates', async () => {
    expect(healthResponse.parse(await (await fetch(`${target!.url}/health`)).json())).toEqual({ status: 'ok' });
    const res = await post('/users', { name: ' Base ', email: 'Base@Line.dev', password: 'base-password' });
    expect(res.status).toBe(201);
    const user = userResponse.parse(await res.json());
    expect(user).toMatchObject({ name: 'Base', email: 'base@line.dev' });
    const got = await fetch(`${target!.url}/users/${user.id}`);
    expect(userResponse.parse(await got.json())).toEqual(user);
    const dup = await post('/users', { name: 'Again', email: 'base@line.dev', password: 'base-password' });
    expect(dup.status).toBe(409);
    expect(errorResponse.parse(await dup.json()).error.code).toBe('conflict');
  });

  it('answers unreadable requests, encoded bodies and wrong methods as every target does (HTTP-edge conformance)', async () => {
    const report = await runEdgeConformance(target!.url, { signal: abort.signal });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.length).toBeGreaterThanOrEqual(10);
  });

  it('answers 404, 400 and 413 with JSON errors', async () => {
    const cases: Array<[Promise<Response>, number]> = [
      [fetch(`${target!.url}/users/00000000-0000-4000-8000-000000000000`), 404],
      [fetch(`${target!.url}/invoices`), 404],
      [fetch(`${target!.url}/users`, { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json' } }), 400],
      [post('/users', { name: '', email: 'x@y.z', password: 'base-password' }), 400],
      [post('/users', { name: 'No Password', email: 'x@y.z' }), 400],
      [post('/users', { name: 'x'.repeat(70_000), email: 'x@y.z', password: 'base-password' }), 413],
    ];
    for (const [p, status] of cases) {
      const res = await p;
      expect(res.status).toBe(status);
      errorResponse.parse(await res.json());
    }
  });
});

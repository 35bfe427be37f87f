// Killing one service of a running micro topology: the gateway answers 503 with the JSON error
// body (never hangs), the other service keeps serving, `exited` names the dead process; a
// benchmark run is marked failed with its partial measurement; nothing is left behind.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../record/results.js';
import { findTarget } from '../../targets/catalog.js';
import type { RunningTarget } from '../../targets/target.js';
import { BIN, ROOT, childrenOf, isAlive, waitFor } from '../helpers/cli.js';
import { tempDir } from '../targets/fixtures.js';

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

async function json(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, body: await res.json() };
}

describe.each(['micro-rest-fastify', 'micro-grpc-express'])('%s with billing killed', (name) => {
  const dir = tempDir('archbench-kill-');
  const abort = new AbortController();
  let target: RunningTarget | undefined;
  afterAll(async () => {
    await target?.stop();
    abort.abort();
    dir.remove();
  });

  it('answers 503 JSON for billing routes, still serves users, and reports the exit', async () => {
    target = await findTarget(name)!.start({ dataDir: dir.path, host: '127.0.0.1', signal: abort.signal, readyTimeoutMs: 30_000, options: {} });
    const pids = target.pids();
    const json201 = { method: 'POST', headers: { 'content-type': 'application/json' } };
    const user = await json(`${target.url}/users`, { ...json201, body: JSON.stringify({ name: 'K', email: 'k@example.com', password: 'k-password' }) });
    expect(user.status).toBe(201);
    const { token } = (await json(`${target.url}/auth/token`, { ...json201, body: JSON.stringify({ email: 'k@example.com', password: 'k-password' }) })).body as { token: string };
    const userId = (user.body as { id: string }).id;

    const billing = pids.find((p) => cmdline(p).includes('services/billing/main'))!;
    expect(billing).toBeDefined();
    process.kill(billing, 'SIGKILL');
    const exit = await target.exited;
    expect(exit.process).toMatch(/billing#1$/);
    expect(exit.signal).toBe('SIGKILL');

    const invoice = await json(`${target.url}/invoices`, {
      ...json201,
      headers: { ...json201.headers, authorization: `Bearer ${token}` },
      body: JSON.stringify({ userId, amountCents: 100, currency: 'EUR' }),
    });
    expect([502, 503]).toContain(invoice.status);
    expect(invoice.body).toMatchObject({ error: { code: 'unavailable', message: expect.stringMatching(/^billing service/) } });
    // The users service is untouched.
    expect((await json(`${target.url}/users/${userId}`)).status).toBe(200);

    await target.stop();
    expect(pids.filter(isAlive)).toEqual([]);
  }, 60_000);
});

describe('a benchmark run whose users service dies', () => {
  const out = mkdtempSync(join(tmpdir(), 'archbench-kill-run-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is marked failed with partial results and leaves no process behind', async () => {
    const child = spawn(process.execPath, [BIN, 'run', 'smoke', '--targets', 'micro-rest-fastify', '--duration', '30', '--out', out], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.stdout.on('data', () => {});
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      expect(await waitFor(() => /measure/.test(stderr), 60_000)).toBe(true);
      const processes = childrenOf(child.pid!);
      const users = processes.find((p) => cmdline(p).includes('services/users/main'));
      expect(users).toBeDefined();
      // Kill once responses are being recorded (a progress line with a rate above 0), not after a
      // fixed second: on a loaded machine the first second of the window can pass without one.
      expect(await waitFor(() => /measure \d+\/\d+ s, [1-9]\d* req\/s/.test(stderr), 30_000)).toBe(true);
      process.kill(users!, 'SIGKILL');
      expect(await exited).toBe(1);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
      const run = results.runs[0]!;
      expect(results.status).toBe('failed');
      expect(run.status).toBe('failed');
      expect(run.error).toMatch(/users#1 exited unexpectedly/);
      expect(run.requests).toBeGreaterThan(0);
      expect(processes.length).toBe(3);
      expect(processes.filter(isAlive)).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});

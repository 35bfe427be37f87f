// The Octane global-state problem: a persistent process serves every request from one
// application container, so a value set during one request must not be visible in the next.
// The debug probe (lifecycle/state-probe.ts) stores a value in the request scope and reports
// what it found there; the control cases prove the probe sees a leak when there is one.
import { afterEach, describe, expect, it } from 'vitest';
import { targets } from '../../targets/catalog.js';
import { STATE_PROBE_ENV } from '../../targets/lifecycle/state-probe.js';
import type { TargetSpec } from '../../targets/target.js';
import { startTarget, type Started } from './start.js';

const spec = (name: string): TargetSpec => targets.find((t) => t.name === name)!;

interface ProbeAnswer {
  status: string;
  probe: { seen: string | null; pid: number };
}

async function probe(url: string, value: string): Promise<ProbeAnswer> {
  const res = await fetch(`${url}/health?probe=${value}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ProbeAnswer;
}

let started: Started | undefined;
afterEach(async () => {
  await started?.cleanup();
  started = undefined;
});

describe.each(['monolith-fastify', 'monolith-express', 'monolith-fastify-w2'])('%s (persistent)', (name) => {
  it('shows no request a value set by an earlier one, sequential or concurrent', async () => {
    started = await startTarget(spec(name), { env: { [STATE_PROBE_ENV]: '1' } });
    const { url } = started.target;
    for (let i = 0; i < 20; i++) expect((await probe(url, `seq${i}`)).probe.seen).toBeNull();
    const concurrent = await Promise.all(Array.from({ length: 16 }, (_, i) => probe(url, `par${i}`)));
    expect(concurrent.map((a) => a.probe.seen)).toEqual(Array(16).fill(null));
  });

  it('does not carry the caller identity over: a request without a token after one with it is 401', async () => {
    started = await startTarget(spec(name));
    const { url } = started.target;
    const post = (path: string, body: unknown) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const account = { email: 'a@example.com', password: 'a-password' };
    const { id } = (await (await post('/users', { name: 'A', ...account })).json()) as { id: string };
    const token = ((await (await post('/auth/token', account)).json()) as { token: string }).token;
    const list = (auth?: string) => fetch(`${url}/users/${id}/invoices`, auth ? { headers: { authorization: `Bearer ${auth}` } } : {});
    for (let i = 0; i < 5; i++) {
      expect((await list(token)).status).toBe(200);
      expect((await list()).status).toBe(401);
    }
  });
});

describe('the probe itself', () => {
  it('catches the leak when the request scope is shared by the container (persistent: Octane)', async () => {
    started = await startTarget(spec('monolith-fastify'), { env: { [STATE_PROBE_ENV]: 'shared' } });
    const { url } = started.target;
    expect((await probe(url, 'first')).probe.seen).toBeNull();
    expect((await probe(url, 'second')).probe.seen).toBe('first');
  });

  it('finds nothing with the same shared scope under boot: the container dies with its request (PHP-FPM)', async () => {
    started = await startTarget(spec('monolith-fastify-boot'), { env: { [STATE_PROBE_ENV]: 'shared' } });
    const { url } = started.target;
    for (let i = 0; i < 5; i++) expect((await probe(url, `boot${i}`)).probe.seen).toBeNull();
  });
});

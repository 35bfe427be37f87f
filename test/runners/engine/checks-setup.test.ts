// k6's setup() and checks through the open runner against a real server: setup() signs in once
// and its data reaches every request; checks are counted per name from status and body; a
// setup() whose data cannot travel to generator threads fails with that reason.
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineScenario, type Scenario } from '../../../scenarios/define.js';
import { openRunner } from '../../../runners/open/index.js';
import { EMPTY_SEED } from '../../../runners/engine/context.js';
import { SetupError, runSetup } from '../../../runners/engine/http/setup.js';
import { Recorder } from '../../../runners/engine/recorder.js';

let server: Server;
let url = '';
const seenAuth: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      if (req.url === '/login') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: `t-${(JSON.parse(body) as { user: string }).user}` }));
        return;
      }
      seenAuth.push(req.headers.authorization ?? '');
      // /item answers JSON with an id; /broken answers 500 with text.
      if (req.url === '/item') res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"a1"}');
      else res.writeHead(500).end('oops');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

interface Login {
  authorization: string;
}

const scenario: Scenario = defineScenario({
  name: 'checks-setup',
  description: 'd',
  async setup({ request }) {
    const res = await request({ method: 'POST', path: '/login', body: { user: 'ann' } });
    return { authorization: `Bearer ${(res.json() as { token: string }).token}` } satisfies Login;
  },
  requests: [
    {
      name: 'item',
      weight: 1,
      request: (ctx) => ({ method: 'GET', path: '/item', headers: { authorization: (ctx.setupData as Login).authorization } }),
      checks: { 'status is 200': (r) => r.status === 200, 'has id': (r) => (r.json() as { id?: string }).id === 'a1' },
    },
    {
      name: 'broken',
      weight: 1,
      request: () => ({ method: 'GET', path: '/broken' }),
      // A check that throws (the body is not JSON) counts as a fail, not an error.
      checks: { 'status is 200': (r) => r.status === 200, 'has id': (r) => (r.json() as { id?: string }).id === 'a1' },
    },
  ],
  executor: { type: 'shared-iterations', vus: 2, iterations: 40, maxDuration: '20s' },
});

describe('setup() and checks', () => {
  it('setup signs in once; builders get its data; checks count per name from status and body', async () => {
    const setupData = await runSetup(scenario, url, EMPTY_SEED, 'r1', AbortSignal.timeout(5000));
    expect(setupData).toEqual({ authorization: 'Bearer t-ann' });
    seenAuth.length = 0;
    const sample = await openRunner.run({ url, scenario, executor: scenario.executor, timeoutMs: 5000, seed: { ...EMPTY_SEED, setupData }, runId: 'r1' }, AbortSignal.timeout(20_000), {});
    const item = sample.byRequest.get('item')!.requests;
    const broken = sample.byRequest.get('broken')!.requests;
    expect(item + broken).toBe(40);
    expect(seenAuth.filter((a) => a === 'Bearer t-ann')).toHaveLength(item);
    expect(sample.checks).toEqual({ 'status is 200': { passes: item, fails: broken }, 'has id': { passes: item, fails: broken } });
  });

  it('setup data that cannot reach generator threads fails, saying so', async () => {
    const bad = defineScenario({ ...scenario, setup: () => ({ f: () => 1 }) });
    const err = await runSetup(bad, url, EMPTY_SEED, 'r2', AbortSignal.timeout(5000)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SetupError);
    expect((err as Error).message).toMatch(/cannot be sent to generator threads \(it must be structured-cloneable/);
  });

  it('check counts travel between recorders exactly (generator threads merge them)', () => {
    const a = new Recorder(['x']);
    const b = new Recorder(['x']);
    a.checks({ ok: (r) => r.status === 200 }, 200, '');
    b.checks({ ok: (r) => r.status === 200 }, 500, '');
    b.checks({ ok: (r) => r.status === 200, other: () => true }, 200, '');
    a.absorb(b.toWire());
    expect(a.finish(1000).checks).toEqual({ ok: { passes: 2, fails: 1 }, other: { passes: 1, fails: 0 } });
  });
});

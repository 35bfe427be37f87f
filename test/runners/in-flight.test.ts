// Runners report the requests in flight with their ticks (the progress line shows them): against
// a server that holds every response, in flight is exactly the concurrency cap.
import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocannonRunner } from '../../runners/autocannon/index.js';
import { openRunner } from '../../runners/open/index.js';
import type { LoadPlan, Runner, TickStats } from '../../runners/runner.js';
import type { ExecutorConfig } from '../../scenarios/executor.js';
import calibration from '../../scenarios/calibration.js';

let server: Server;
let url: string;
let holding = true;
const held: ServerResponse[] = [];
beforeAll(async () => {
  server = createServer((_req, res) => (holding ? held.push(res) : res.end('ok')));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

async function firstTick(runner: Runner, executor: ExecutorConfig): Promise<TickStats> {
  holding = true;
  let first: TickStats | undefined;
  const release = () => {
    holding = false;
    for (const res of held.splice(0)) res.end('ok');
  };
  const plan: LoadPlan = { url, scenario: calibration, executor, timeoutMs: 10_000, seed: { userIds: [], invoiceIds: [], authorization: '' }, runId: 'x' };
  await runner.run(plan, new AbortController().signal, {
    tick: (t) => {
      if (first) return;
      first = t;
      release();
    },
  });
  return first!;
}

describe('requests in flight', () => {
  it('open runner: the in-flight cap (maxVUs) while the server holds every response', async () => {
    const t = await firstTick(openRunner, { type: 'constant-arrival-rate', rate: 50, timeUnit: '1s', duration: '1500ms', preAllocatedVUs: 4, maxVUs: 4 });
    expect(t.inFlight).toBe(4);
  }, 30_000);

  it('autocannon: one per connection while the server holds every response', async () => {
    const t = await firstTick(autocannonRunner, { type: 'constant-vus', vus: 3, duration: '2s' });
    expect(t.inFlight).toBe(3);
  }, 30_000);
});

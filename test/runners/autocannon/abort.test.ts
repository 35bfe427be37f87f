// The autocannon adapter with a signal that fired before it started (Ctrl-C or a target crash
// during warm-up): it must stop at once, not run its whole duration.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocannonRunner } from '../../../runners/autocannon/index.js';
import calibration from '../../../scenarios/calibration.js';

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('autocannon runner', () => {
  it('returns at once when its signal has already been aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    const started = performance.now();
    await autocannonRunner
      .run(
        { url, scenario: calibration, executor: { type: 'constant-vus', vus: 2, duration: '20s' }, timeoutMs: 1000, seed: { userIds: [], invoiceIds: [], authorization: '' }, runId: 'x' },
        controller.signal,
        {},
      )
      .catch(() => undefined);
    // 20 s were asked for: anything near that means the abort was missed.
    expect(performance.now() - started).toBeLessThan(5000);
  }, 30_000);
});

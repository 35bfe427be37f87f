// Seeding a rate-limited target (--throttle): 429s are retried after their Retry-After, so the
// seed completes; a limit that never lets up fails after a bounded number of retries.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { seed } from '../../../runners/engine/http/seed.js';
import { MAX_429_RETRIES, MAX_RETRY_WAIT_MS, retryAfterMs } from '../../../runners/engine/http/retry-after.js';
import { monolith } from '../../../targets/monolith/spec.js';
import { tempDir } from '../../targets/fixtures.js';

const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

it('seeds a monolith throttled at 10/1 completely (anonymous sign-ups share one limit)', async () => {
  const dir = tempDir('archbench-seed-429-');
  const abort = new AbortController();
  const target = await monolith('fastify').start({ dataDir: dir.path, host: '127.0.0.1', signal: abort.signal, readyTimeoutMs: 20_000, options: { throttle: { limit: 10, windowS: 1 } } });
  try {
    // 12 sign-ups and 12 token requests from one address: at least 14 are refused at first.
    const data = await seed(target.url, { users: 12, invoicesPerUser: 1 }, `s429${Date.now().toString(36)}`, abort.signal);
    expect(data.userIds.filter(Boolean)).toHaveLength(12);
    expect(data.invoiceIds.filter(Boolean)).toHaveLength(12);
    expect(new Set(data.userIds).size).toBe(12);
  } finally {
    await target.stop();
    abort.abort();
    dir.remove();
  }
}, 60_000);

it(`gives up after ${MAX_429_RETRIES} retries of a limit that never lets up, naming it`, async () => {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' }).end('{"error":{"code":"rate_limited","message":"slow down"}}');
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await expect(seed(url, { users: 1, invoicesPerUser: 0, auth: false }, 'never', new AbortController().signal)).rejects.toThrow(/POST \/users answered 429 \(rate limited\) 9 times/);
  expect(requests).toBe(MAX_429_RETRIES + 1);
});

it('reads Retry-After as seconds or a date, and bounds it', () => {
  expect(retryAfterMs('2', 0)).toBe(2000);
  expect(retryAfterMs(new Date(10_000).toUTCString(), 0, 7_000)).toBe(3000);
  expect(retryAfterMs('86400', 0)).toBe(MAX_RETRY_WAIT_MS);
  expect(retryAfterMs(undefined, 3)).toBe(800);
});

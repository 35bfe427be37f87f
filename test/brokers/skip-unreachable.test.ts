// A broker URL that points at a closed port: its targets are skipped with one line naming the
// URL tried and how to set another; the other targets still run; results.skipped says why.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { bench } from '../helpers/cli.js';

const out = mkdtempSync(join(tmpdir(), 'archbench-skip-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** A port that was free a moment ago: nothing listens on it. */
async function closedPort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

it('skips micro-redis-fastify with the URL and the flag, runs monolith-fastify, lists the skip', async () => {
  const port = await closedPort();
  const r = await bench(['run', 'smoke', '--targets', 'micro-redis-fastify,monolith-fastify', '--redis-url', `redis://127.0.0.1:${port}`, '--duration', '1', '--warmup', '0', '--out', out]);
  expect(r.code).toBe(0);
  const line = r.stderr.split('\n').find((l) => l.startsWith('micro-redis-fastify: skipped'));
  expect(line).toContain(`redis://127.0.0.1:${port}`);
  expect(line).toContain('--redis-url');
  expect(line).toContain('ARCHBENCH_REDIS_URL');
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { skipped: Array<{ target: string; reason: string }>; runs: Array<{ target: string; status: string }> };
  expect(results.skipped).toEqual([{ target: 'micro-redis-fastify', reason: expect.stringContaining(`127.0.0.1:${port}`) }]);
  expect(results.runs.map((x) => [x.target, x.status])).toEqual([['monolith-fastify', 'ok']]);
  expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('micro-redis-fastify');
});

it('takes the URL from ARCHBENCH_NATS_URL when no flag is given, and rejects a malformed one with exit 2', async () => {
  const port = await closedPort();
  const r = await bench(['verify', '--targets', 'micro-nats-fastify'], { env: { ARCHBENCH_NATS_URL: `nats://127.0.0.1:${port}` } });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`micro-nats-fastify: SKIPPED (no NATS broker at nats://127.0.0.1:${port}`);
  const bad = await bench(['verify', '--targets', 'micro-nats-fastify'], { env: { ARCHBENCH_NATS_URL: 'http://127.0.0.1:4222' } });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('ARCHBENCH_NATS_URL');
  const badFlag = await bench(['run', 'smoke', '--targets', 'micro-amqp-fastify', '--amqp-url', 'nats://x']);
  expect(badFlag.code).toBe(2);
  expect(badFlag.stderr).toContain('--amqp-url');
});

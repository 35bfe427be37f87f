// The iteration executors send exactly their count, whatever the runner's threads: a server
// counts what arrives. Through the built CLI, with a tiny scenario file, as a CI smoke test would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bench } from '../../helpers/cli.js';

let server: Server;
let url: string;
let received = 0;
const out = mkdtempSync(join(tmpdir(), 'archbench-iterations-'));

beforeAll(async () => {
  server = createServer((_req, res) => {
    received++;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
beforeEach(() => {
  received = 0;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(out, { recursive: true, force: true });
});

interface RunJson {
  runs: Array<{ requests: number; errors: number; durationS: number; workload: { executor: string; runner: string; iterations?: number; maxDurationS?: number; connections?: number } }>;
}

async function run(file: string, extra: string[], dir: string) {
  const r = await bench(['run', `test/fixtures/scenarios/${file}`, '--url', url, '--out', join(out, dir), ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(readFileSync(join(out, dir, 'results.json'), 'utf8')) as RunJson).runs[0]!;
}

describe('iteration executors', () => {
  it.each([[['--generator-threads', '1']], [['--generator-threads', '2']], [['--generator-threads', '3']]])('shared-iterations sends exactly 101 requests (%j)', async (threads) => {
    const r = await run('shared-iterations.ts', threads, `shared-${threads[1]}`);
    expect(received).toBe(101);
    expect(r.requests).toBe(101);
    expect(r.errors).toBe(0);
    expect(r.durationS).toBeLessThan(10);
    expect(r.workload).toMatchObject({ executor: 'shared-iterations', runner: 'open', iterations: 101, maxDurationS: 30, connections: 7 });
  });

  it('per-vu-iterations sends vus x iterations, split over threads', async () => {
    const r = await run('per-vu-iterations.ts', ['--generator-threads', '2'], 'per-vu');
    expect(received).toBe(51);
    expect(r.requests).toBe(51);
    expect(r.workload).toMatchObject({ executor: 'per-vu-iterations', iterations: 17, connections: 3 });
  });

  it('autocannon says why it cannot run them', async () => {
    const r = await bench(['run', 'test/fixtures/scenarios/shared-iterations.ts', '--url', url, '--runner', 'autocannon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/autocannon cannot run shared-iterations: its amount option ignores the duration/);
    expect(received).toBe(0);
  });
});

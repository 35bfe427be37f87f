// bench run with the open runner, end to end through the built CLI: a user's scenario file
// against --url, generator threads, and executor validation before anything starts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLatency } from '../../../targets/calibration/latency-spec.js';
import { startCalibrationServer, type CalibrationServer } from '../../../targets/calibration/server.js';
import { bench, benchSync } from '../../helpers/cli.js';

let server: CalibrationServer;
let out: string;
beforeAll(async () => {
  server = await startCalibrationServer({ latency: parseLatency('100%:1ms') }, { host: '127.0.0.1', port: 0 });
  out = mkdtempSync(join(tmpdir(), 'open-cli-'));
});
afterAll(async () => {
  await server.close();
  rmSync(out, { recursive: true, force: true });
});

interface RunJson {
  runs: Array<{ requests: number; errors: number; dropped: number; byRequest: Record<string, { requests: number }>; workload: { runner: string; model: string }; generator: { threads?: number; lagMs?: unknown } }>;
  env: { placement: string };
}

describe('bench run: open runner', () => {
  it('loads a user scenario file (TypeScript, importing archbench) against --url', async () => {
    const dir = join(out, 'user');
    const r = await bench(['run', 'test/fixtures/scenarios/user-scenario.ts', '--url', server.url, '-o', dir]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const res = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunJson;
    const run = res.runs[0]!;
    expect(run.workload).toMatchObject({ runner: 'open', model: 'open' });
    // 100/s for 2 s: the schedule says 200 arrivals, each sent or dropped.
    expect(run.requests + run.dropped).toBe(200);
    expect(Object.keys(run.byRequest).sort()).toEqual(['GET /hello', 'POST /orders']);
    expect(run.generator.lagMs).toBeTruthy();
  });

  it('splits the schedule over generator threads and merges it back', async () => {
    const dir = join(out, 'threads');
    const r = await bench(['run', 'calibration-open', '--url', server.url, '--duration', '2', '--warmup', '0', '--rate', '150', '--generator-threads', '2', '-o', dir]);
    expect(r.code).toBe(0);
    const run = (JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunJson).runs[0]!;
    expect(run.generator.threads).toBe(2);
    expect(run.requests + run.dropped).toBe(300);
  });

  it('--runner open runs a closed executor too', async () => {
    const dir = join(out, 'closed');
    const r = await bench(['run', 'calibration', '--url', server.url, '--duration', '1', '--warmup', '0', '--runner', 'open', '-o', dir]);
    expect(r.code).toBe(0);
    const run = (JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunJson).runs[0]!;
    expect(run.workload).toMatchObject({ runner: 'open', model: 'closed' });
    expect(run.requests).toBeGreaterThan(0);
  });

  it('an invalid executor is a usage error listing every problem, before anything starts', () => {
    const r = benchSync(['run', 'test/fixtures/scenarios/bad-executor.ts', '--url', server.url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-executor.ts: invalid scenario "bad-executor":\n\s+executor.rate must be above 0.*\n\s+executor.duration "later" is not a duration.*\n\s+executor.preAllocatedVUs must be a whole number/);
  });

  it('bad workload flags name the option and its range', () => {
    expect(benchSync(['run', 'calibration', '--url', server.url, '--rate', '0']).stderr).toMatch(/invalid --rate "0": expected arrivals per second from 0.1/);
    expect(benchSync(['run', 'calibration', '--url', server.url, '--generator-threads', '99']).stderr).toMatch(/--generator-threads "99": expected a whole number from 1 to 64/);
    const r = benchSync(['run', 'calibration', '--url', server.url, '--runner', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown runner "nope"; valid: open, autocannon, grpc/);
  });
});

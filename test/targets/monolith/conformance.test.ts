// Both monolith targets, started the way the harness starts them, pass the conformance suite,
// agree with each other on every check, and leave no process behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance, runEdgeConformance, type ConformanceReport } from '../../../targets/contracts/conformance.js';
import { monolith } from '../../../targets/monolith/spec.js';
import type { RunningTarget } from '../../../targets/target.js';
import { tempDir } from '../fixtures.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const reports = new Map<string, ConformanceReport>();

describe.each(['fastify', 'express'] as const)('monolith-%s', (framework) => {
  const spec = monolith(framework);
  const dir = tempDir(`archbench-${framework}-`);
  const abort = new AbortController();
  let target: (RunningTarget & { jwtSecret?: string }) | undefined;
  let pids: number[] = [];

  beforeAll(async () => {
    target = await spec.start({ dataDir: dir.path, host: '127.0.0.1', signal: abort.signal, readyTimeoutMs: 15_000, options: {} });
    pids = target.pids();
  });

  afterAll(async () => {
    await target?.stop();
    abort.abort();
    dir.remove();
  });

  it('has the expected name and axes', () => {
    expect(spec.name).toBe(`monolith-${framework}`);
    expect(spec.axes).toEqual({ topology: 'monolith', framework, lifecycle: 'persistent', workers: 1, storage: 'sqlite', cache: 'none', throttle: 'off', leak: 'none', middleware: 'lean', tick: 'off' });
  });

  it('passes the conformance suite, including the expired-token checks', async () => {
    const t = target!;
    expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(t.jwtSecret).toEqual(expect.any(String));
    const report = await runConformance(t.url, { signal: abort.signal, ...(t.jwtSecret ? { jwtSecret: t.jwtSecret } : {}) });
    const failed = report.checks.filter((c) => !c.ok);
    expect(failed).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.checks.length).toBeGreaterThan(60);
    expect(report.checks.some((c) => c.detail === 'skipped: no secret')).toBe(false);
    reports.set(framework, report);
  });

  it('answers unreadable requests, encoded bodies and wrong methods in the API error format (HTTP-edge conformance)', async () => {
    const report = await runEdgeConformance(target!.url, { signal: abort.signal });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.length).toBeGreaterThanOrEqual(10);
  });

  it('passes again on the same (now seeded) target, skipping only the secret checks without a secret', async () => {
    const report = await runConformance(target!.url, { signal: abort.signal });
    expect(report.passed).toBe(true);
    expect(report.checks.filter((c) => c.detail === 'skipped: no secret').length).toBeGreaterThan(0);
  });

  it('stop() leaves no child process behind', async () => {
    expect(pids.length).toBe(1);
    expect(pids.every(isAlive)).toBe(true);
    await target!.stop();
    await target!.stop(); // idempotent
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    // A reported exit, with the process name, for the harness's crash detection.
    await expect(target!.exited).resolves.toMatchObject({ process: `monolith-${framework}` });
  });
});

describe('both frameworks', () => {
  it('answer the same checks the same way', () => {
    const a = reports.get('fastify');
    const b = reports.get('express');
    expect(a && b).toBeTruthy();
    expect(b!.checks.map((c) => [c.name, c.ok])).toEqual(a!.checks.map((c) => [c.name, c.ok]));
  });
});

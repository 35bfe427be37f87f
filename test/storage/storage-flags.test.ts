// --storage / --pg-url / --pg-pool through the built CLI: bad values exit 2 naming the option,
// an unreachable server fails the run naming the URL, and results record the storage used.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { effectiveAxes } from '../../harness/effective-axes.js';
import type { Results } from '../../record/results.js';
import type { Axes } from '../../targets/target.js';
import { bench } from '../helpers/cli.js';

const out = mkdtempSync(join(tmpdir(), 'archbench-pg-run-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('storage flags', () => {
  it.each([
    [['--storage', 'mysql'], /--storage "mysql".*sqlite, postgres/],
    [['--storage', 'postgres', '--pg-url', 'http://127.0.0.1:5432/test'], /--pg-url .*postgres:\/\//],
    [['--pg-url', 'postgres://127.0.0.1/test'], /--pg-url and --pg-pool apply to --storage postgres/],
    [['--storage', 'postgres', '--pg-pool', '0'], /--pg-pool "0".*1 to 100/],
    [['--process-pool', '300'], /--process-pool "300".*1 to 256/],
  ])('bench run %j exits 2 naming the option', async (flags, message) => {
    const r = await bench(['run', 'smoke', '--targets', 'monolith-fastify', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('bench verify on an unreachable PostgreSQL fails the start with the URL and the flag', async () => {
    const r = await bench(['verify', '--targets', 'monolith-fastify', '--storage', 'postgres', '--pg-url', 'postgres://postgres@127.0.0.1:1/test']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/monolith-fastify: FAIL \(cannot connect to PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/test .*--pg-url/);
  });

  it('bench run --storage postgres measures against PostgreSQL and records it in the run axes', async () => {
    const r = await bench(['run', 'smoke', '--targets', 'monolith-fastify', '--storage', 'postgres', '--duration', '1', '--warmup', '0', '--out', out]);
    expect(r.stderr + r.stdout).not.toMatch(/error:/);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    expect(results.runs).toHaveLength(1);
    expect(results.runs[0]!.axes.storage).toBe('postgres');
    expect(results.runs[0]!.ok).toBeGreaterThan(0);
  });
});

describe('effectiveAxes', () => {
  const monolith: Axes = { topology: 'monolith', framework: 'fastify', lifecycle: 'persistent', workers: 1, storage: 'sqlite' };
  it('records the storage a flag chose, but never gives storage to a target without any', () => {
    expect(effectiveAxes(monolith, { storage: 'postgres' }).storage).toBe('postgres');
    expect(effectiveAxes(monolith, {})).toEqual(monolith);
    expect(effectiveAxes({ ...monolith, storage: 'none' }, { storage: 'postgres' }).storage).toBe('none');
  });
  it('overrides replicas only for targets that have that axis', () => {
    expect(effectiveAxes({ ...monolith, topology: 'micro', replicas: 1 }, { replicas: 3 }).replicas).toBe(3);
    expect(effectiveAxes(monolith, { replicas: 3 }).replicas).toBeUndefined();
  });
});

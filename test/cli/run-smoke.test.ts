// The README's first command, end to end through the CLI, checked like a user would.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../record/histogram.js';
import type { Results } from '../../record/results.js';
import { bench, isAlive, ROOT } from '../helpers/cli.js';

const out = mkdtempSync(join(tmpdir(), 'archbench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('bench run smoke', () => {
  it('measures both monolith targets and writes valid results, leaving no process behind', async () => {
    const r = await bench(['run', 'smoke', '--out', out]);
    expect(r.stderr + r.stdout).not.toMatch(/error:/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/monolith-fastify/);
    expect(r.stdout).toMatch(/p99 ms/);

    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    const schema = JSON.parse(readFileSync(join(ROOT, 'record/results.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, validateFormats: false });
    const valid = ajv.validate(schema, results);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    expect(results.status).toBe('ok');
    expect(results.runs.map((x) => x.target)).toEqual(['monolith-fastify', 'monolith-express']);
    for (const run of results.runs) {
      expect(run.requests).toBeGreaterThan(0);
      expect(run.ok).toBeGreaterThan(0);
      const h = decodeHistogram(run.histogram!);
      expect(h.totalCount).toBe(run.ok);
      expect(run.latencyMs!.p99).toBeCloseTo(h.getValueAtPercentile(99) / 1000, 3);
      expect(Object.keys(run.byRequest).sort()).toEqual(['GET /users/:id', 'GET /users/:id/invoices', 'POST /invoices', 'POST /users']);
      expect(run.cpuMsPerRequest).toBeGreaterThan(0);
      expect(run.rssMb!.peakTotal).toBeGreaterThan(10);
      // Every process the run sampled is gone.
      for (const p of run.rssMb!.processes) expect(isAlive(p.pid), `pid ${p.pid} (${p.command}) still alive`).toBe(false);
    }
    expect(existsSync(join(out, 'summary.md'))).toBe(true);
    expect(existsSync(join(out, 'results.partial.json'))).toBe(false);
  }, 120_000);
});

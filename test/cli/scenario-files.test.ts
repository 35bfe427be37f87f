// A broken scenario file is a usage error (exit 2) that names the file, the field and the
// request, before any target starts and without writing a results folder.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, benchSync } from '../helpers/cli.js';

const fixture = (name: string) => resolve(ROOT, 'test/fixtures/scenarios/invalid', name);

function runFile(name: string) {
  const out = mkdtempSync(join(tmpdir(), 'archbench-scenario-'));
  rmSync(out, { recursive: true });
  const r = benchSync(['run', fixture(name), '--targets', 'monolith-fastify', '--duration', '1', '--out', out]);
  return { ...r, wrote: existsSync(out) };
}

describe('bench run: scenario files', () => {
  it.each(['syntax.mts', 'syntax.ts'])('a syntax error in %s exits 2 with file:line:column of that file', (name) => {
    const r = runFile(name);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${fixture(name)}:3:18: Expected identifier but found ","`);
    expect(r.wrote).toBe(false);
  });

  it('a defineScenario validation error exits 2 and names the file and every field', () => {
    const r = runFile('define-error.ts');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(fixture('define-error.ts'));
    expect(r.stderr).toContain('requests["GET /a"].weight must be > 0');
    expect(r.stderr).toContain('executor.duration');
  });

  it("warmup: 'soon' exits 2 and names the field", () => {
    const r = runFile('warmup-soon.ts');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/warmup "soon" is not a duration/);
    expect(r.stderr).toContain(fixture('warmup-soon.ts'));
  });

  it('a request builder that throws exits 2 before any target starts, naming the request', () => {
    const r = runFile('throwing-request.ts');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/requests\["GET \/broken"\]\.request\(ctx\) threw: .*toUpperCase/);
    expect(r.stderr).not.toMatch(/starting|verify/i);
    expect(r.wrote).toBe(false);
  });

  it('a plain object exported without defineScenario is validated all the same', () => {
    const r = runFile('plain-object.mjs');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(fixture('plain-object.mjs'));
    expect(r.stderr).toContain('requests["GET /a"].weight must be > 0');
    expect(r.stderr).toMatch(/request\(ctx\) returned method "FETCH"/);
    expect(r.stderr).toMatch(/returned path "a"; it must start with \//);
    expect(r.stderr).toMatch(/executor\.vus must be a whole number/);
  });

  // The README's case: a folder with no package.json and no node_modules, TypeScript, run from there.
  it("a file in a bare folder imports 'archbench' and runs with setup, checks, sharedData and env; an unknown export names the line, exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), 'archbench-bare-'));
    try {
      const file = join(dir, 'my.ts');
      writeFileSync(join(dir, 'paths.csv'), 'path\n/health\n');
      // sharedData relative to the file, an environment variable, setup() data in a header, checks.
      writeFileSync(file, `import { defineScenario, sharedData } from 'archbench';
const rows = sharedData('./paths.csv');
export default defineScenario({ name: 'bare', description: 'd',
  setup: async ({ request }) => ({ tag: process.env.BARE_TAG + '-' + (await request({ method: 'GET', path: '/health' })).status }),
  requests: [{ name: 'GET /health', weight: 1,
    request: (ctx) => ({ method: 'GET', path: rows[0]!.path, headers: { 'x-tag': String((ctx.setupData as { tag: string }).tag) } }),
    checks: { 'status is 200': (r) => r.status === 200, 'says ok': (r) => (r.json() as { status?: string }).status === 'ok', 'never': () => false } }],
  executor: { type: 'shared-iterations', vus: 1, iterations: 20, maxDuration: '5s' },
  thresholds: { checks: ['rate>0.5'] } });
`);
      const out = join(dir, 'out');
      const ok = benchSync(['run', file, '--targets', 'monolith-fastify', '-w', '0', '--out', out], { env: { BARE_TAG: 'env' } });
      expect(ok.stderr).not.toMatch(/error/i);
      expect(ok.code).toBe(0);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { runs: Array<{ checks?: unknown; requests: number }> };
      expect(results.runs[0]!.requests).toBe(20);
      expect(results.runs[0]!.checks).toEqual({ 'status is 200': { passes: 20, fails: 0 }, 'says ok': { passes: 20, fails: 0 }, never: { passes: 0, fails: 20 } });
      const ajv = new Ajv({ allErrors: true, validateFormats: false });
      ajv.validate(JSON.parse(readFileSync(join(ROOT, 'record/results.schema.json'), 'utf8')) as object, results);
      expect(ajv.errors ?? []).toEqual([]);
      expect(ok.stdout).toMatch(/ok {5}monolith-fastify: checks rate>0\.5 \(actual 0\.666667; 40 of 60 passed\)/);

      const bad = join(dir, 'bad.ts');
      writeFileSync(bad, `import { defineScenaro } from 'archbench';\nexport default defineScenaro({});\n`);
      const r = benchSync(['run', bad, '--targets', 'monolith-fastify', '--out', join(dir, 'bad-out')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${bad}:1: 'archbench' has no export named 'defineScenaro'; it exports defineScenario`);
      expect(r.stderr).not.toMatch(/start|verify/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Scenario thresholds through `bench run`: an unknown metric is a usage error before any
// target starts; a failed threshold makes the run exit 1 and the reports say which.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../record/results.js';
import { bench } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'archbench-thresholds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scenarioFile(name: string, thresholds: Record<string, string[]>): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `export default ${JSON.stringify({ name, description: 'threshold test', executor: { type: 'constant-vus', vus: 2, duration: '1s' }, thresholds })
      .replace(/}$/, `, requests: [{ name: 'GET /health', weight: 1, request: () => ({ method: 'GET', path: '/health' }) }] }`)};\n`,
  );
  return file;
}

describe('thresholds in bench run', () => {
  it('an unknown metric exits 2 before any target starts, listing the valid metrics', async () => {
    const out = join(dir, 'unknown');
    const r = await bench(['run', scenarioFile('unknown-metric', { latenzy: ['p(99)<50'] }), '--targets', 'monolith-fastify', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown metric "latenzy"; valid metrics: latency, errors, requests');
    expect(r.stderr).not.toContain('monolith-fastify #1: start');
  });

  it('a failed threshold exits 1 and is in results.json, summary.md and report.html', async () => {
    const out = join(dir, 'failing');
    const r = await bench(['run', scenarioFile('failing', { 'latency{name:GET /health}': ['p(50)<0.001'], errors: ['rate<0.5'] }), '--targets', 'monolith-fastify', '-w', '0', '--no-verify', '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    expect(results.status).toBe('ok');
    expect(results.thresholds.map((t) => [t.metric, t.expression, t.ok])).toEqual([
      ['latency{name:GET /health}', 'p(50)<0.001', false],
      ['errors', 'rate<0.5', true],
    ]);
    expect(results.thresholds[0]!.actual).toBeGreaterThan(0.001);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('**Thresholds: 1 failed**');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<span class="flag bad">threshold</span>');
    expect(r.stdout).toMatch(/FAILED monolith-fastify: latency\{name:GET \/health\} p\(50\)<0.001/);
  });
});

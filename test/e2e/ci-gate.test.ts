// docs/ci.md's flow, run for real: a first run becomes the baseline, a second with a known
// large slowdown (--inject-cpu-us) fails the gate with exit 1 and writes compare.md to the
// step summary. No timing assertion: a 1 ms busy loop per request is ~5x this target's CPU.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'archbench-ci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gate(base: string, out: string, extra: string[]) {
  const summary = join(dir, 'step-summary.md');
  const r = spawnSync('bash', [join(ROOT, 'docs/ci/gate.sh'), base, out, 'smoke', '--targets', 'monolith-fastify', '--trials', '5', '-d', '1', '-w', '0', '--no-verify', ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, BENCH: `${process.execPath} ${BIN}`, GITHUB_STEP_SUMMARY: summary },
  });
  return { code: r.status, out: r.stdout + r.stderr, summary };
}

describe('docs/ci.md gate flow', () => {
  it('first run becomes the baseline; a 1 ms/request slowdown fails the gate', () => {
    const base = join(dir, 'baseline');
    const first = gate(join(dir, 'nothing-yet'), base, []);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('no baseline');
    expect(existsSync(join(base, 'results.json'))).toBe(true);
    expect(existsSync(join(base, 'report.html'))).toBe(true);

    writeFileSync(join(dir, 'step-summary.md'), '');
    const head = join(dir, 'head');
    const second = gate(base, head, ['--inject-cpu-us', '1000']);
    expect(second.code, second.out).toBe(1);
    const md = readFileSync(join(head, 'compare.md'), 'utf8');
    expect(md).toMatch(/FAIL: \d+ regression/);
    expect(md).toMatch(/\| monolith-fastify \| CPU ms\/req \|[^\n]*regressed/);
    expect(readFileSync(second.summary, 'utf8')).toBe(md);
    expect(existsSync(join(head, 'compare.html'))).toBe(true);
  }, 300_000);
});

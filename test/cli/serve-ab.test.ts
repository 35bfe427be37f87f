// bench ab: two builds of a service in one job. A planted 10% more busy work per request must
// fail the gate (exit 1); two identical builds must pass (exit 0).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../record/results.js';
import type { CompareJson } from '../../reports/compare/json.js';
import { bench } from '../helpers/cli.js';
import { busyCommand, isGone } from '../lifecycle/serve-helpers.js';

const out = mkdtempSync(join(tmpdir(), 'archbench-serve-ab-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const BASE_US = 4000;
// 6 trials per side, 2 s each, one connection: CPU per request is the steadiest metric on a shared
// machine. The 10% more busy work shows as ~9% more CPU per request (the HTTP handling is
// unchanged), so the CPU minimum effect is 5% here, as a team gating on CPU would set it.
const COMMON = ['--trials', '6', '-d', '2', '-w', '0.5', '-c', '1', '--threshold', 'cpu=+5%'];

function abArgs(headUs: number, dir: string): string[] {
  return ['ab', 'test/fixtures/serve/get-root.ts', '--base', busyCommand({ BUSY_US: BASE_US }), '--head', busyCommand({ BUSY_US: headUs }), ...COMMON, '-o', dir];
}

describe('bench ab', () => {
  it('exits 1 when head burns 10% more CPU per request, with compare.md in the run folder', async () => {
    const dir = join(out, 'regressed');
    const r = await bench(abArgs(Math.round(BASE_US * 1.1), dir), { timeoutMs: 180_000 });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const md = readFileSync(join(dir, 'compare.md'), 'utf8');
    expect(md).toMatch(/CPU ms\/req.*regressed/);
    expect(md).toContain('paired t-test');
    // compare.json beside compare.md, as bench compare writes it: the rounds were paired.
    const json = JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')) as CompareJson;
    expect(json.method.pairing.paired).toBe(true);
    expect(json.targets[0]!.test).toBe('paired-t');
    expect(json.targets[0]!.pairs).toBe(6);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
    // Interleaved: base head base head ...
    expect(results.runs.slice(0, 4).map((x) => x.target)).toEqual(['base', 'head', 'base', 'head']);
    for (const run of results.runs) for (const p of run.rssMb!.processes) expect(isGone(p.pid)).toBe(true);
  }, 200_000);

  it('exits 0 on two identical builds', async () => {
    const dir = join(out, 'same');
    const r = await bench([...abArgs(BASE_US, dir), '--ascii'], { timeoutMs: 180_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[^\x00-\x7f]/);
    expect(r.stdout).toMatch(/PASS( \(inconclusive: [^)]*\))?: no regression/);
    expect(existsSync(join(dir, 'compare.md'))).toBe(true);
  }, 200_000);

  it('bad input exits 2 naming the option', async () => {
    const noBase = await bench(['ab', 'test/fixtures/serve/get-root.ts', '--head', 'x {port}']);
    expect(noBase.code).toBe(2);
    expect(noBase.stderr).toMatch(/--base/);
    const noPort = await bench(['ab', 'test/fixtures/serve/get-root.ts', '--base', 'x', '--head', 'y']);
    expect(noPort.code).toBe(2);
    expect(noPort.stderr).toMatch(/--base: archbench cannot tell which port/);
    const cap = await bench(['ab', 'test/fixtures/serve/get-root.ts', '--base', 'x {port}', '--head', 'y {port}', '--trials', '5', '--max-trials', '3']);
    expect(cap.code).toBe(2);
    expect(cap.stderr).toContain('invalid --max-trials 3: expected at least --trials (5)');
  });
});

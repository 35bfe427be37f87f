// bench compare and bench report through the built CLI on fixed results: exit codes and files.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonExport } from '../../reports/json.js';
import { FASTIFY, makeResults } from '../reports/fixtures.js';
import { benchSync } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'archbench-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, results: ReturnType<typeof makeResults>): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'results.json'), jsonExport(results));
  return d;
}

const base = folder('base', makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01 }], seed: 1 }));
const same = folder('same', makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01 }], seed: 2 }));
const worse = folder('worse', makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01, cpuMsPerRequest: 0.3 }], seed: 3 }));
const few = folder('few', makeResults({ trials: 3, targets: [FASTIFY], seed: 4 }));
const other = folder('other', makeResults({ trials: 5, targets: [FASTIFY], scenario: 'read-heavy', seed: 5 }));

describe('bench compare', () => {
  it('exit 0 without a regression, and writes compare.md and compare.html into the head folder', () => {
    const r = benchSync(['compare', base, same]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('PASS: no regression');
    expect(readFileSync(join(same, 'compare.md'), 'utf8')).toContain('PASS: no regression');
    expect(existsSync(join(same, 'compare.html'))).toBe(true);
  });

  it('exit 1 on a regression', () => {
    const r = benchSync(['compare', join(base, 'results.json'), worse, '--out', join(dir, 'cmp')]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'cmp', 'compare.md'), 'utf8')).toMatch(/CPU ms\/req[^\n]*regressed/);
  });

  it('a larger --threshold turns that regression into unchanged', () => {
    const r = benchSync(['compare', base, worse, '--threshold', 'cpu=+80%,rps=-80%,latency=+80%', '--out', join(dir, 'cmp2')]);
    expect(r.code, r.stdout).toBe(0);
  });

  it('exit 2 on unusable input, saying why', () => {
    // 3 trials: enough for the t-tests' spread, not for Mann-Whitney to reach 0.01.
    const fewer = benchSync(['compare', base, few, '--test', 'mann-whitney']);
    expect(fewer.code).toBe(2);
    expect(fewer.stderr).toMatch(/missing trials: .* mann-whitney test needs at least 5 usable trials per side/);
    expect(benchSync(['compare', base, few, '--out', join(dir, 'cmp-few')]).code).not.toBe(2);
    const test = benchSync(['compare', base, same, '--test', 'student']);
    expect(test.code).toBe(2);
    expect(test.stderr).toContain('invalid --test "student": expected one of welch, yuen, mann-whitney');
    const scenario = benchSync(['compare', base, other]);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toContain('different scenarios: base ran "smoke", head ran "read-heavy"');
    const missing = benchSync(['compare', base, join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    const bad = benchSync(['compare', base, same, '--threshold', 'p98=5%']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown metric "p98"');
    const alpha = benchSync(['compare', base, same, '--alpha', '2']);
    expect(alpha.code).toBe(2);
    expect(alpha.stderr).toContain('invalid --alpha "2"');
  });
});

describe('bench report', () => {
  it('regenerates summary.md and report.html from results.json alone', () => {
    const d = folder('report', makeResults({ trials: 2, targets: [FASTIFY] }));
    const r = benchSync(['report', d, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(d, 'summary.md'), 'utf8')).toContain('## archbench: smoke');
    expect(readFileSync(join(d, 'report.html'), 'utf8')).toContain('<canvas id="chart-spectrum"');
  });

  it('exit 2 on a file that is not results', () => {
    const f = join(dir, 'junk.json');
    writeFileSync(f, '{"hello": 1}');
    const r = benchSync(['report', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not an archbench results file');
  });
});

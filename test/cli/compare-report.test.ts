// bench compare and bench report through the built CLI on fixed results: exit codes and files.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CompareJson } from '../../reports/compare/json.js';
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
  it('exit 0 without a regression, and writes compare.md, compare.json and compare.html into the head folder', () => {
    // The fixture's p99.9 is too noisy to judge at 10%: at 50% every metric is judged.
    const r = benchSync(['compare', base, same, '--threshold', 'p99.9=+50%']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('PASS: no regression');
    expect(readFileSync(join(same, 'compare.md'), 'utf8')).toContain('PASS: no regression');
    expect(existsSync(join(same, 'compare.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(same, 'compare.json'), 'utf8'))).toMatchObject({ compareVersion: 1, gate: { status: 'pass', exitCode: 0 } });
  });

  it('3+3 noisy trials with a planted slowdown: an inconclusive pass, said so, with the option difference', () => {
    const b = makeResults({ trials: 3, targets: [{ ...FASTIFY, noise: 0.2 }], seed: 11 });
    const h = makeResults({ trials: 3, targets: [{ ...FASTIFY, noise: 0.2, cpuMsPerRequest: 0.3 }], seed: 12 });
    h.env.options = { ...h.env.options, injectCpuUs: 100 };
    const bd = folder('noisy-base', b);
    const hd = folder('noisy-head', h);
    const r = benchSync(['compare', bd, hd]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/PASS \(inconclusive: \d+ of 8 uncertain\): no regression shown/);
    expect(r.stdout).toContain('! run options differ: injectCpuUs: base unset, head 100');
    expect(r.stdout).toContain('--fail-on-uncertain makes this fail the gate');
    const md = readFileSync(join(hd, 'compare.md'), 'utf8');
    expect(md).toMatch(/\*\*⚠️ PASS \(inconclusive: \d+ of 8 uncertain\)/);
    expect(md).toContain('- ⚠️ warning: run options differ: injectCpuUs');
    expect(readFileSync(join(hd, 'compare.html'), 'utf8')).toContain('<span class="flag warn" id="gate">PASS (inconclusive');
    const json = JSON.parse(readFileSync(join(hd, 'compare.json'), 'utf8')) as CompareJson;
    expect(json.gate.status).toBe('inconclusive');
    expect(json.warnings).toContain('run options differ: injectCpuUs: base unset, head 100');

    const strict = benchSync(['compare', bd, hd, '--fail-on-uncertain', '--out', join(dir, 'strict')]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/FAIL \(inconclusive: \d+ of 8 uncertain, --fail-on-uncertain\)/);
    expect(JSON.parse(readFileSync(join(dir, 'strict', 'compare.json'), 'utf8'))).toMatchObject({ gate: { status: 'fail', exitCode: 1, failOnUncertain: true } });
  });

  it('plain ASCII on a terminal whose locale is not UTF-8, or with --ascii', () => {
    const utf8 = benchSync(['compare', base, worse, '--out', join(dir, 'utf8')], { env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(utf8.stdout).toContain('❌ regressed');
    for (const [env, extra] of [[{ LANG: 'C', LC_ALL: '' }, []], [{ LANG: '', LC_ALL: 'POSIX' }, []], [{ LANG: 'en_US.UTF-8', LC_ALL: '' }, ['--ascii']]] as const) {
      const r = benchSync(['compare', base, worse, '--out', join(dir, 'ascii'), ...extra], { env });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^[\x00-\x7f]*$/);
      expect(r.stdout).toContain('X regressed');
      // The files keep their emoji, with the words beside them.
      expect(readFileSync(join(dir, 'ascii', 'compare.md'), 'utf8')).toContain('❌ regressed');
    }
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

// bench compare on one interleaved run folder: two targets of it, paired trial by trial.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonExport } from '../../reports/json.js';
import type { CompareJson } from '../../reports/compare/json.js';
import { FASTIFY, makeResults } from '../reports/fixtures.js';
import { benchSync } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'archbench-compare-paired-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench compare --base-target --head-target', () => {
  // Rounds drift by up to 30%; B costs 6% more CPU than A within every round.
  const drift = [1, 1.3, 0.8, 1.15, 0.9];
  const run = makeResults({ trials: 5, seed: 9, targets: [{ ...FASTIFY, name: 'A', noise: 0.003 }, { ...FASTIFY, name: 'B', noise: 0.003, cpuMsPerRequest: FASTIFY.cpuMsPerRequest * 1.06 }] });
  for (const r of run.runs) r.cpuMsPerRequest = r.cpuMsPerRequest! * drift[r.trial - 1]!;
  writeFileSync(join(dir, 'results.json'), jsonExport(run));

  it('pairs the trials of one interleaved run, says so, and sees what the drift would hide', () => {
    const r = benchSync(['compare', dir, dir, '--base-target', 'A', '--head-target', 'B', '--ascii']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('Test: paired: A and B ran interleaved in one run, trial i of each in round i');
    expect(r.stdout).toContain('paired t-test on log(head/base)');
    expect(r.stdout).toMatch(/B vs A\s+CPU ms\/req .* X regressed/);
    const j = JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')) as CompareJson;
    expect(j.method.pairing.paired).toBe(true);
    expect(j.targets[0]!.test).toBe('paired-t');
    expect(j.targets[0]!.pairs).toBe(5);
    const cpu = j.targets[0]!.metrics.find((m) => m.metric === 'cpuMsPerRequest')!;
    expect(cpu.verdict).toBe('regressed');
    expect(cpu.mde!).toBeLessThan(0.03);
    expect(readFileSync(join(dir, 'compare.md'), 'utf8')).toContain('paired t-test');
  });

  it('--paired-test paired-yuen: the trimmed paired test, named in every output', () => {
    const r = benchSync(['compare', dir, dir, '--base-target', 'A', '--head-target', 'B', '--paired-test', 'paired-yuen', '--ascii']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('paired Yuen test (20% trimmed mean) on log(head/base)');
    expect(r.stdout).toContain('t-interval of the 20%-trimmed mean log ratio');
    const j = JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')) as CompareJson;
    expect(j.targets[0]!.test).toBe('paired-yuen');
    expect(j.targets[0]!.metrics.find((m) => m.metric === 'cpuMsPerRequest')!.verdict).toBe('regressed');
  });

  it('--unpaired: the Welch test on the same trials cannot resolve it and says what it could', () => {
    const r = benchSync(['compare', dir, dir, '--base-target', 'A', '--head-target', 'B', '--unpaired', '--ascii']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Test: unpaired: pairing turned off (--unpaired)');
    const j = JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')) as CompareJson;
    const cpu = j.targets[0]!.metrics.find((m) => m.metric === 'cpuMsPerRequest')!;
    expect(cpu.verdict).toBe('uncertain');
    expect(cpu.reason).toMatch(/cannot resolve 3% here; this run resolves \d+\.\d%/);
  });

  it('a target the run does not have, or one flag without the other: usage errors', () => {
    const unknown = benchSync(['compare', dir, dir, '--base-target', 'A', '--head-target', 'C']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('invalid --head-target "C": the run has A, B');
    const alone = benchSync(['compare', dir, dir, '--base-target', 'A']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--base-target and --head-target go together');
  });
});

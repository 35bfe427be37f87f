// bench gate-check --from: an earlier gate-check's runs judged again, without running anything.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonExport } from '../../reports/json.js';
import type { Results } from '../../record/results.js';
import { FASTIFY, makeResults } from '../reports/fixtures.js';
import { benchSync } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'archbench-gate-from-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(sub: string, r: Results): void {
  mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, sub, 'results.json'), jsonExport(r));
}

/** An interleaved session as gate-check writes it: variants A, A-again and B of one target, B's injection recorded. */
function session(seed: number, bCpu: number, injectCpuUs: number): Results {
  const r = makeResults({
    trials: 5,
    seed,
    targets: [
      { ...FASTIFY, name: 'A', noise: 0.02 },
      { ...FASTIFY, name: 'A-again', noise: 0.02 },
      { ...FASTIFY, name: 'B', noise: 0.02, cpuMsPerRequest: bCpu },
    ],
  });
  r.env.options = { gateCheck: 'session', target: 'monolith-fastify', injectCpuUs, trialsPerSide: 5 };
  return r;
}

describe('bench gate-check --from', () => {
  write('calibration', makeResults({ trials: 5, seed: 1, targets: [FASTIFY] }));
  // 01: B clearly slower; 02: B the same as A (a gate that misses it, not a false alarm).
  write('01/session', session(2, FASTIFY.cpuMsPerRequest * 1.3, 60));
  write('02/session', session(3, FASTIFY.cpuMsPerRequest, 30));
  mkdirSync(join(dir, '03')); // a comparison that never finished: skipped

  it('judges every finished comparison with every test and writes the summary there, beside the run\'s own', () => {
    // The run's own summary: judging again must not overwrite it.
    writeFileSync(join(dir, 'gate-check.json'), '{"own":true}\n');
    const r = benchSync(['gate-check', '--from', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 A/A and 2 A/B comparisons, 5 trials per side, interleaved, paired-t test at alpha 0.01');
    expect(r.stdout).toContain('minimum effect for CPU per request: 3.0%');
    expect(r.stdout).toMatch(/ 1 A\/B \(CPU\/req \+\d+\.\d% with 60 us injected, 5 trials\/side\): REGRESSION: .*CPU ms\/req.* \[DIFFERENT\]/);
    expect(r.stdout).toMatch(/ 2 A\/B \(CPU\/req [+-]\d+\.\d% with 30 us injected, 5 trials\/side\): no regression/);
    expect(r.stdout).toContain('false alarms: 0 of 2 A/A');
    expect(r.stdout).toContain('detections:   1 of 2 A/B');
    expect(r.stdout).toMatch(/same runs, paired-yuen test: .*\nsame runs, welch test: .*\nsame runs, yuen test: .*\nsame runs, mann-whitney test: /);
    const saved = JSON.parse(readFileSync(join(dir, 'gate-check.from-paired-t-alpha-0.01.json'), 'utf8')) as { summary: { detections: number }; outcomes: unknown[] };
    expect(saved.summary.detections).toBe(1);
    // 2 comparisons x A/A and A/B x 5 tests (the two paired ones: the sessions ran interleaved)
    expect(saved.outcomes).toHaveLength(2 * 2 * 5);
    expect(readFileSync(join(dir, 'gate-check.json'), 'utf8')).toBe('{"own":true}\n');
  });

  it('another --test and --alpha get their own summary file', () => {
    const r = benchSync(['gate-check', '--from', dir, '--test', 'mann-whitney', '--alpha', '0.05']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('mann-whitney test at alpha 0.05');
    expect(readFileSync(join(dir, 'gate-check.from-mann-whitney-alpha-0.05.txt'), 'utf8')).toContain('mann-whitney test at alpha 0.05');
  });

  it('a folder that is not a gate-check is a usage error', () => {
    const r = benchSync(['gate-check', '--from', join(dir, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist; expected the folder of an earlier gate-check');
  });
});

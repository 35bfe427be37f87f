import { describe, expect, it } from 'vitest';
import { CompareInputError, DEFAULT_ALPHA, DEFAULT_MIN_EFFECTS, SIGNIFICANCE_TESTS, compareResults, minTrialsFor } from '../../analysis/compare.js';
import { MinEffectError, parseMinEffects } from '../../analysis/min-effects.js';
import type { MetricKey } from '../../record/results.js';
import { FASTIFY, makeResults } from '../reports/fixtures.js';

const verdict = (c: ReturnType<typeof compareResults>, m: MetricKey) => c.targets[0]!.metrics.find((x) => x.metric === m)!.verdict;

describe.each(SIGNIFICANCE_TESTS)('compare verdicts, %s test', (test) => {
  const opts = { alpha: DEFAULT_ALPHA, minEffects: DEFAULT_MIN_EFFECTS, test };
  const base = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01 }], seed: 1 });

  it('identical runs: nothing regresses, quiet metrics are unchanged', () => {
    const c = compareResults(base, structuredClone(base), opts);
    expect(c.regressions).toBe(0);
    expect(c.improvements).toBe(0);
    for (const m of ['rps', 'cpuMsPerRequest', 'rssMb', 'errorRate'] as MetricKey[]) expect(verdict(c, m)).toBe('unchanged');
  });

  it('an independent run of the same shape: no regression', () => {
    const again = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01 }], seed: 2 });
    expect(compareResults(base, again, opts).regressions).toBe(0);
  });

  it('clearly worse: CPU, latency and throughput regress', () => {
    const worse = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01, cpuMsPerRequest: 0.26, latencyMs: 2.6, rps: 3400 }], seed: 3 });
    const c = compareResults(base, worse, opts);
    expect(verdict(c, 'cpuMsPerRequest')).toBe('regressed');
    expect(verdict(c, 'p50')).toBe('regressed');
    expect(verdict(c, 'rps')).toBe('regressed');
    expect(c.regressions).toBeGreaterThanOrEqual(3);
    const cpu = c.targets[0]!.metrics.find((m) => m.metric === 'cpuMsPerRequest')!;
    expect(cpu.ratio!.median).toBeGreaterThan(1.2);
    if (test === 'mann-whitney') expect(cpu.p).toBeCloseTo(2 / 252, 6);
    else expect(cpu.p!).toBeLessThan(0.001);
    expect(c.test).toBe(test);
  });

  it('clearly better: improved, never regressed', () => {
    const better = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01, cpuMsPerRequest: 0.14, latencyMs: 1.4, rps: 5000 }], seed: 4 });
    const c = compareResults(base, better, opts);
    expect(c.regressions).toBe(0);
    expect(verdict(c, 'cpuMsPerRequest')).toBe('improved');
    expect(verdict(c, 'rps')).toBe('improved');
  });

  it('too noisy to tell: uncertain, not regressed', () => {
    const noisyBase = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.4 }], seed: 5 });
    const noisyHead = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.4, cpuMsPerRequest: 0.23 }], seed: 6 });
    const c = compareResults(noisyBase, noisyHead, opts);
    expect(verdict(c, 'cpuMsPerRequest')).toBe('uncertain');
    expect(c.regressions).toBe(0);
  });

  it('a real but small change is unchanged (below the minimum effect)', () => {
    const slightly = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.002, cpuMsPerRequest: 0.21 }], seed: 7 });
    const tight = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.002 }], seed: 8 });
    const cpu = compareResults(tight, slightly, opts).targets[0]!.metrics.find((m) => m.metric === 'cpuMsPerRequest')!;
    expect(cpu.p!).toBeLessThanOrEqual(DEFAULT_ALPHA);
    expect(cpu.verdict).toBe('unchanged');
  });

  it('unusable input: different scenarios, too few trials', () => {
    const other = makeResults({ trials: 5, targets: [FASTIFY], scenario: 'read-heavy' });
    expect(() => compareResults(base, other, opts)).toThrow(/different scenarios: base ran "smoke", head ran "read-heavy"/);
    const few = test === 'mann-whitney' ? 3 : 2;
    const short = makeResults({ trials: few, targets: [FASTIFY] });
    expect(() => compareResults(base, short, opts)).toThrow(CompareInputError);
    expect(() => compareResults(base, short, opts)).toThrow(new RegExp(`${test} test needs at least ${minTrialsFor(DEFAULT_ALPHA, test)} usable trials per side.*\\n.*head has ${few}`));
  });
});

describe('trials each test needs', () => {
  it('Mann-Whitney: enough to reach alpha at all; the t-tests: a spread on each side', () => {
    expect(minTrialsFor(0.01, 'mann-whitney')).toBe(5);
    expect(minTrialsFor(0.05, 'mann-whitney')).toBe(4);
    expect(minTrialsFor(0.01, 'welch')).toBe(3);
    expect(minTrialsFor(0.01, 'yuen')).toBe(3);
  });
});

describe('--threshold minimum effects', () => {
  it('overrides per metric and per class, sign optional', () => {
    const m = parseMinEffects('p99=+15%,rps=-5%,cpu=20%,latency=12%');
    expect(m.p99).toBe(0.12);
    expect(m.p50).toBe(0.12);
    expect(m.rps).toBe(0.05);
    expect(m.cpuMsPerRequest).toBe(0.2);
    expect(parseMinEffects('p99=+15%').p99).toBe(0.15);
  });

  it('rejects unknown metrics, bad syntax and the wrong sign, naming what is accepted', () => {
    expect(() => parseMinEffects('p98=10%')).toThrow(/unknown metric "p98"; valid: rps, p50/);
    expect(() => parseMinEffects('p99=ten')).toThrow(MinEffectError);
    expect(() => parseMinEffects('rps=+5%')).toThrow(/a regression is a drop: write rps=-5%/);
  });
});

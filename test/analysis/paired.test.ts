import { describe, expect, it } from 'vitest';
import { pairedT, pairedYuen, pairingOf } from '../../analysis/paired.js';
import { detectableShift, pairedMde, pairsToResolve, tQuantileTwoSided, unpairedMde } from '../../analysis/mde.js';
import { splitByTarget } from '../../analysis/split.js';
import { FASTIFY, makeResults } from '../reports/fixtures.js';
import { DEFAULT_ALPHA, DEFAULT_MIN_EFFECTS, compareResults } from '../../analysis/compare.js';

describe('paired t-test on log ratios', () => {
  it('matches the textbook values', () => {
    // log ratios 0.1, 0.2, 0.3: mean 0.2, sd 0.1, t = 0.2 / (0.1 / sqrt 3) = 3.464 on 2 df, p = 0.0742
    const pairs = [0.1, 0.2, 0.3].map((d) => [1, Math.exp(d)] as const);
    const t = pairedT(pairs);
    expect(t.onLogs).toBe(true);
    expect(t.mean).toBeCloseTo(0.2, 10);
    expect(t.sd).toBeCloseTo(0.1, 10);
    expect(t.t).toBeCloseTo(3.4641, 3);
    expect(t.df).toBe(2);
    expect(t.p).toBeCloseTo(0.0742, 3);
    // 95% interval: mean +- 4.303 x 0.0577
    expect(t.lo).toBeCloseTo(0.2 - 0.2484, 3);
    expect(t.hi).toBeCloseTo(0.2 + 0.2484, 3);
  });

  it('cancels drift that hits both sides of a round alike, where the unpaired spread does not', () => {
    // Each round drifts by up to 30%; head is 5% slower than base within every round, +-0.5%.
    const drift = [1, 1.3, 0.8, 1.15, 0.9, 1.25];
    const wobble = [0.004, -0.003, 0.005, -0.005, 0.001, -0.002];
    const pairs = drift.map((m, i) => [m, m * 1.05 * (1 + wobble[i]!)] as const);
    const t = pairedT(pairs);
    expect(t.p).toBeLessThan(0.001);
    expect(Math.exp(t.mean)).toBeCloseTo(1.05, 2);
    expect(unpairedMde(pairs.map((p) => p[0]), pairs.map((p) => p[1]), 0.01, true)).toBeGreaterThan(0.3);
    expect(pairedMde(t.sd, t.n, 0.01)).toBeLessThan(0.02);
  });

  it('falls back to differences when a value is zero (an error rate)', () => {
    const t = pairedT([[0, 0.01], [0, 0.02], [0.01, 0.02]]);
    expect(t.onLogs).toBe(false);
    expect(t.mean).toBeCloseTo(0.0133, 3);
  });

  it('refuses fewer than 2 pairs', () => {
    expect(() => pairedT([[1, 2]])).toThrow(/2 pairs/);
  });
});

describe("paired Yuen test (20% trimmed) on log ratios", () => {
  // Four rounds read +10-12%; one round's base trial was slowed by a neighbour: -39% on that pair.
  const stray = [0.1, 0.12, 0.09, 0.11, -0.5].map((d) => [1, Math.exp(d)] as const);

  it('matches the textbook values', () => {
    // sorted 0.09 0.10 0.11 0.12 0.50 -> here -0.5 first; g = 1: trimmed mean of 0.09, 0.10, 0.11 = 0.10;
    // winsorised -0.5 -> 0.09 and 0.12 -> 0.11: 0.09 0.09 0.10 0.11 0.11, sd 0.01;
    // se = sqrt(4 x 0.0001 / (3 x 2)) = 0.008165, t = 12.25 on 2 df, p = 1 - t / sqrt(2 + t^2) = 0.0066
    const y = pairedYuen(stray);
    expect(y.mean).toBeCloseTo(0.1, 10);
    expect(y.sd).toBeCloseTo(0.01, 10);
    expect(y.se).toBeCloseTo(0.008165, 5);
    expect(y.df).toBe(2);
    expect(y.t).toBeCloseTo(12.247, 2);
    expect(y.p).toBeCloseTo(1 - 12.2474 / Math.sqrt(2 + 12.2474 ** 2), 4);
  });

  it('sees a change that one stray pair hides from the paired t-test', () => {
    expect(pairedT(stray).p).toBeGreaterThan(0.5);
    expect(pairedYuen(stray).p).toBeLessThan(0.01);
  });

  it('is the paired t-test below 5 pairs (nothing to trim)', () => {
    const four = stray.slice(0, 4);
    const [y, t] = [pairedYuen(four), pairedT(four)];
    expect(y.p).toBeCloseTo(t.p, 12);
    expect(y.se).toBeCloseTo(t.se, 12);
  });

  it('its MDE uses the kept pairs: the same winsorised spread over 5 pairs resolves less than the t-test over 5', () => {
    expect(pairedMde(0.03, 5, 0.01, undefined, 0.2)).toBeGreaterThan(pairedMde(0.03, 5, 0.01));
    expect(pairedMde(0.03, 4, 0.01, undefined, 0.2)).toBeCloseTo(pairedMde(0.03, 4, 0.01), 12);
    expect(pairsToResolve(0.03, 0.05, 0.01, 1000, undefined, 0.2)!).toBeGreaterThan(pairsToResolve(0.03, 0.05, 0.01)!);
  });
});

describe('which pairing the data allows', () => {
  const run = makeResults({ trials: 4, targets: [{ ...FASTIFY, name: 'A' }, { ...FASTIFY, name: 'B' }] });

  it('pairs two targets split out of one interleaved run', () => {
    const { base, head } = splitByTarget(run, 'A', 'B', 'service');
    const p = pairingOf(base, head);
    expect(p.paired).toBe(true);
    expect(p.reason).toMatch(/^paired: A and B ran interleaved/);
    expect(base.interleaved?.rounds).toEqual([1, 2, 3, 4]);
  });

  it('does not pair separate runs, nor sides of different runs, nor a run whose order is not in rounds', () => {
    expect(pairingOf(run, structuredClone(run)).paired).toBe(false);
    const other = { ...structuredClone(run), startedAt: '2026-01-02T00:00:00.000Z' };
    expect(pairingOf(splitByTarget(run, 'A', 'B', 's').base, splitByTarget(other, 'A', 'B', 's').head).reason).toMatch(/different interleaved runs/);
    const shuffled = { ...structuredClone(run), runs: [...run.runs].reverse() };
    const sides = splitByTarget(shuffled, 'A', 'B', 's');
    expect(sides.base.interleaved).toBeUndefined();
    expect(pairingOf(sides.base, sides.head).paired).toBe(false);
  });
});

describe('minimum detectable effect', () => {
  it('uses Student quantiles', () => {
    expect(tQuantileTwoSided(0.05, 10)).toBeCloseTo(2.228139, 4);
    expect(tQuantileTwoSided(0.05, 2)).toBeCloseTo(4.302653, 4);
    expect(tQuantileTwoSided(0.4, 9)).toBeCloseTo(0.883, 3);
    // (t_0.005,9 + t_0.2,9) x se = (3.2498 + 0.8834) x se
    expect(detectableShift(1, 9, 0.01)).toBeCloseTo(4.1332, 3);
  });

  it('of the paired test: 3% pair noise over 10 pairs at alpha 0.01 resolves 4.0%, and 5% needs 7 pairs', () => {
    expect(pairedMde(0.03, 10, 0.01)).toBeCloseTo(Math.expm1((4.1332 * 0.03) / Math.sqrt(10)), 3);
    expect(pairedMde(0.03, 10, 0.01)).toBeCloseTo(0.040, 3);
    const n = pairsToResolve(0.03, 0.05, 0.01)!;
    expect(pairedMde(0.03, n, 0.01)).toBeLessThanOrEqual(0.05);
    expect(pairedMde(0.03, n - 1, 0.01)).toBeGreaterThan(0.05);
    expect(pairsToResolve(0.5, 0.01, 0.01, 50)).toBeNull();
  });

  it('grows with noise and shrinks with trials', () => {
    expect(pairedMde(0.06, 10, 0.01)).toBeGreaterThan(pairedMde(0.03, 10, 0.01));
    expect(pairedMde(0.03, 20, 0.01)).toBeLessThan(pairedMde(0.03, 10, 0.01));
    expect(pairedMde(0.03, 1, 0.01)).toBe(Infinity);
  });
});

describe('compare on one interleaved run', () => {
  // Two targets of one run whose rounds drift by up to 30%; B costs 5% more CPU in every round.
  const drift = [1, 1.3, 0.8, 1.15, 0.9, 1.25];
  const run = makeResults({ trials: 6, seed: 3, targets: [{ ...FASTIFY, name: 'A', noise: 0.003 }, { ...FASTIFY, name: 'B', noise: 0.003, cpuMsPerRequest: FASTIFY.cpuMsPerRequest * 1.05 }] });
  for (const r of run.runs) r.cpuMsPerRequest = r.cpuMsPerRequest! * drift[r.trial - 1]!;
  const opts = { alpha: DEFAULT_ALPHA, minEffects: DEFAULT_MIN_EFFECTS };
  const cpuOf = (c: ReturnType<typeof compareResults>) => c.targets[0]!.metrics.find((m) => m.metric === 'cpuMsPerRequest')!;

  it('uses the paired test and sees the 5%', () => {
    const { base, head } = splitByTarget(run, 'A', 'B', 'service');
    const c = compareResults(base, head, opts);
    expect(c.pairing.paired).toBe(true);
    expect(c.targets[0]!.test).toBe('paired-t');
    expect(c.targets[0]!.pairs).toBe(6);
    const cpu = cpuOf(c);
    expect(cpu.verdict).toBe('regressed');
    expect(cpu.ratio!.median).toBeCloseTo(1.05, 2);
    expect(cpu.mde!).toBeLessThan(0.03);
  });

  it('with one stray round, the paired t-test is left uncertain and the paired Yuen test still sees the 5%', () => {
    const stray = structuredClone(run);
    const b3 = stray.runs.find((r) => r.target === 'B' && r.trial === 3)!;
    b3.cpuMsPerRequest = b3.cpuMsPerRequest! * 0.7;
    const { base, head } = splitByTarget(stray, 'A', 'B', 'service');
    expect(cpuOf(compareResults(base, head, opts)).verdict).toBe('uncertain');
    const c = compareResults(base, head, { ...opts, pairedTest: 'paired-yuen' });
    expect(c.targets[0]!.test).toBe('paired-yuen');
    expect(cpuOf(c).verdict).toBe('regressed');
    expect(cpuOf(c).ratio!.median).toBeCloseTo(1.05, 2);
  });

  it('unpaired on the same values, the drift swamps it, and the verdict says what the run could resolve', () => {
    const { base, head } = splitByTarget(run, 'A', 'B', 'service');
    const c = compareResults(base, head, { ...opts, pairing: 'off' });
    expect(c.targets[0]!.test).toBe('welch');
    const cpu = cpuOf(c);
    expect(cpu.verdict).toBe('uncertain');
    expect(cpu.mde!).toBeGreaterThan(0.2);
    expect(cpu.reason).toMatch(/cannot resolve 3% here; this run resolves \d+\.\d%/);
  });
});

// The sequential procedure over simulated normal data: its false-alarm rate over many A/A
// sequences stays at or under alpha, and it finds a known effect.
import { describe, expect, it } from 'vitest';
import { pairedT } from '../../analysis/paired.js';
import { pairedMde } from '../../analysis/mde.js';
import { lookAnswer, nextLook, planLooks, runSequential, type SequentialPlan } from '../../analysis/sequential.js';
import { seededRandom } from '../../analysis/stats.js';

function normal(rand: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Share of simulated sequences answered DIFFERENT: log ratios ~ N(shift, sd). */
function rate(plan: SequentialPlan, alphaPerLook: number, shift: number, sd: number, sims: number, seed: number): { different: number; meanPairs: number } {
  const z = normal(seededRandom(seed));
  let different = 0;
  let pairsUsed = 0;
  const cap = plan.looks[plan.looks.length - 1]!;
  for (let s = 0; s < sims; s++) {
    const d = Array.from({ length: cap }, () => shift + sd * z());
    const { answer, n } = runSequential(plan, (k) => {
      const t = pairedT(d.slice(0, k).map((x) => [1, Math.exp(x)] as const));
      return lookAnswer(t.p, alphaPerLook, pairedMde(t.sd, k, alphaPerLook), 0.03);
    });
    if (answer === 'DIFFERENT') different++;
    pairsUsed += n;
  }
  return { different: different / sims, meanPairs: pairsUsed / sims };
}

describe('sequential testing with a cap', () => {
  const plan = planLooks(5, 15, 0.01);

  it('plans its looks and spends alpha evenly over them', () => {
    expect(plan.looks).toEqual([5, 10, 15]);
    expect(plan.lookAlpha).toBeCloseTo(0.01 / 3, 12);
    expect(planLooks(5, 12, 0.01).looks).toEqual([5, 10, 12]);
    expect(planLooks(5, 5, 0.01).looks).toEqual([5]);
    expect(nextLook(plan, 5)).toBe(10);
    expect(nextLook(plan, 15)).toBeNull();
    expect(() => planLooks(5, 4, 0.01)).toThrow(/--max-trials/);
  });

  it('answers SAME, DIFFERENT and UNKNOWN', () => {
    expect(lookAnswer(0.001, 0.0033, 0.1, 0.03)).toBe('DIFFERENT');
    expect(lookAnswer(0.5, 0.0033, 0.02, 0.03)).toBe('SAME');
    expect(lookAnswer(0.5, 0.0033, 0.08, 0.03)).toBe('UNKNOWN');
  });

  it('keeps the A/A false-alarm rate at or under alpha over 10000 simulated sequences; looking 3 times at full alpha would not', () => {
    const honest = rate(plan, plan.lookAlpha, 0, 0.03, 10000, 11);
    expect(honest.different).toBeLessThanOrEqual(0.01);
    const naive = rate(plan, plan.alpha, 0, 0.03, 10000, 11);
    expect(naive.different).toBeGreaterThan(honest.different);
  });

  it('detects a 5% effect at 3% pair noise in at least 95% of sequences, stopping early when it can', () => {
    const power = rate(plan, plan.lookAlpha, Math.log(1.05), 0.03, 1000, 12);
    expect(power.different).toBeGreaterThanOrEqual(0.95);
    expect(power.meanPairs).toBeLessThan(15);
  });
});

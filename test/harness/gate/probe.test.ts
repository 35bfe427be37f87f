// The host-noise probe: from a few A/A rounds, the effect the gate can resolve with its cap.
import { describe, expect, it } from 'vitest';
import { judgeProbe, probeLine } from '../../../harness/gate/experiment.js';
import { planLooks } from '../../../analysis/sequential.js';
import { pairedMde } from '../../../analysis/mde.js';
import { FASTIFY, makeResults } from '../../reports/fixtures.js';

function probe(noise: number, seed: number, trials = 4) {
  const r = makeResults({ trials, seed, targets: [{ ...FASTIFY, name: 'A', noise }, { ...FASTIFY, name: 'B', noise }] });
  const side = (t: string) => ({ ...r, runs: r.runs.filter((x) => x.target === t) });
  return { a: side('A'), again: side('B') };
}

describe('host-noise probe', () => {
  const seq = planLooks(5, 15, 0.01);

  it('a quiet host resolves less than a noisy one, and the rounds needed follow', () => {
    const quiet = probe(0.005, 1);
    const noisy = probe(0.08, 1);
    const q = judgeProbe(quiet.a, quiet.again, seq, 0.03);
    const n = judgeProbe(noisy.a, noisy.again, seq, 0.03);
    expect(q.rounds).toBe(4);
    expect(q.mdeAtCap).toBeCloseTo(pairedMde(q.sdLog, 15, seq.lookAlpha), 10);
    expect(q.mdeAtCap).toBeLessThan(0.03);
    expect(n.mdeAtCap).toBeGreaterThan(0.03);
    expect(n.roundsNeeded === null || n.roundsNeeded > 15).toBe(true);
    expect(probeLine(n, seq, 0.03)).toMatch(/with --max-trials 15 \(3 look\(s\), alpha 0\.0033 each\) this machine resolves \d+\.\d%; --min-effect 3\.0%/);
  });

  it("for Yuen's test, a stray round does not make the host look noisy, and the MDE counts the kept pairs", () => {
    // 6 rounds: Yuen trims one at each end (it trims nothing below 5).
    const p = probe(0.005, 3, 6);
    const strayed = { ...p.again, runs: p.again.runs.map((r) => (r.trial === 2 ? { ...r, cpuMsPerRequest: r.cpuMsPerRequest! * 1.3 } : r)) };
    const seq46 = planLooks(5, 10, 0.01);
    const t = judgeProbe(p.a, strayed, seq46, 0.03, 'paired-t');
    const y = judgeProbe(p.a, strayed, seq46, 0.03, 'paired-yuen');
    expect(t.mdeAtCap).toBeGreaterThan(0.03);
    expect(y.sdLog).toBeLessThan(t.sdLog / 2);
    expect(y.mdeAtCap).toBeCloseTo(pairedMde(y.sdLog, 10, seq46.lookAlpha, undefined, 0.2), 10);
    expect(y.mdeAtCap).toBeLessThan(t.mdeAtCap);
  });

  it('needs 3 usable rounds', () => {
    const p = probe(0.01, 2);
    expect(() => judgeProbe({ ...p.a, runs: p.a.runs.slice(0, 2) }, p.again, seq, 0.03)).toThrow(/needs 3/);
  });
});

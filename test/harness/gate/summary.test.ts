import { describe, expect, it } from 'vitest';
import { summarizeGate, type GateOutcome } from '../../../harness/gate/judge.js';
import { gateReport, outcomeLine } from '../../../reports/gate.js';

const outcome = (index: number, kind: GateOutcome['kind'], test: GateOutcome['test'], regressed: string[] | null, cpuChange: number | null, injectCpuUs = kind === 'A/B' ? 20 + index : 0): GateOutcome => ({
  index,
  kind,
  test,
  injectCpuUs,
  cpuChange,
  regressed,
  ...(regressed === null ? { note: 'missing trials' } : {}),
});

describe('gate-check summary', () => {
  const outcomes: GateOutcome[] = [
    outcome(1, 'A/A', 'welch', [], 0.02),
    outcome(1, 'A/B', 'welch', ['CPU ms/req 16.0%'], 0.16),
    outcome(1, 'A/A', 'mann-whitney', [], 0.02),
    outcome(1, 'A/B', 'mann-whitney', [], 0.16),
    outcome(2, 'A/A', 'welch', ['CPU ms/req 11.0%'], 0.11),
    outcome(2, 'A/B', 'welch', ['CPU ms/req 14.0%'], 0.14),
    outcome(2, 'A/A', 'mann-whitney', [], 0.11),
    outcome(2, 'A/B', 'mann-whitney', ['CPU ms/req 14.0%'], 0.14),
    outcome(3, 'A/A', 'welch', null, null),
    outcome(3, 'A/B', 'welch', null, null),
    outcome(3, 'A/A', 'mann-whitney', null, null),
    outcome(3, 'A/B', 'mann-whitney', null, null),
  ];
  const meta = { baseCpuMsPerRequest: 0.1, trialsPerSide: 5, order: 'interleaved' as const, alpha: 0.01 };

  it('counts each test on its own outcomes, with the effect the runs showed', () => {
    const w = summarizeGate(outcomes, 'welch', meta);
    expect(w).toMatchObject({ test: 'welch', comparisons: 3, falseAlarms: 1, detections: 2, unusable: 2 });
    expect(w.medianCpuChangeAB).toBeCloseTo(0.15, 10);
    expect(w.medianCpuChangeAA).toBeCloseTo(0.065, 10);
    expect(w.injectCpuUs).toBe(22);
    const m = summarizeGate(outcomes, 'mann-whitney', meta);
    expect(m).toMatchObject({ falseAlarms: 0, detections: 1 });
  });

  it('reports the chosen test in full and the others in one line each', () => {
    const text = gateReport(summarizeGate(outcomes, 'welch', meta), outcomes, [summarizeGate(outcomes, 'mann-whitney', meta)]);
    expect(text).toContain('false alarms: 1 of 3 A/A (33%)');
    expect(text).toContain('detections:   2 of 3 A/B (67%)');
    expect(text).toContain('+15.0%');
    expect(text).toContain('same runs, mann-whitney test: 0 false alarm(s) of 3 A/A, 1 detection(s) of 3 A/B');
    expect(text.split('\n').filter((l) => /^ \d A\/B/.test(l))).toHaveLength(3);
    expect(outcomeLine(outcomes[1]!)).toBe(' 1 A/B (CPU/req +16.0% with 21 us injected): REGRESSION: CPU ms/req 16.0%');
    expect(outcomeLine(outcomes[8]!)).toBe(' 3 A/A (CPU/req -): unusable (missing trials)');
  });
});

// The gate-check's outcome as text: one line per comparison, then the rates. Pure: data in, text out.
import type { GateOutcome, GateSummary } from '../record/gate.js';

const signedPct = (x: number | null) => (x === null ? '-' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);

export function outcomeLine(o: GateOutcome): string {
  const shown = `CPU/req ${signedPct(o.cpuChange)}${o.kind === 'A/B' ? ` with ${o.injectCpuUs} us injected` : ''}${o.trials !== undefined ? `, ${o.trials} trials/side` : ''}`;
  const answer = o.answer ? ` [${o.answer}]` : '';
  return `${String(o.index).padStart(2)} ${o.kind} (${shown}): ${o.regressed === null ? `unusable (${o.note ?? ''})` : o.regressed.length ? `REGRESSION: ${o.regressed.join(', ')}` : 'no regression'}${answer}`;
}

const pct = (n: number, of: number) => `${((n / Math.max(1, of)) * 100).toFixed(0)}%`;

/** The report of the chosen test, then one line per other test judged on the same runs. */
export function gateReport(s: GateSummary, outcomes: GateOutcome[], others: GateSummary[] = []): string {
  const lines = [
    `gate-check: ${s.comparisons} A/A and ${s.comparisons} A/B comparisons, ${s.trialsPerSide} trials per side, ${s.order}, ${s.test} test at alpha ${s.alpha}`,
    ...(s.maxTrials !== undefined && s.maxTrials > s.trialsPerSide ? [`sequential: more rounds while UNKNOWN, up to ${s.maxTrials} trials per side, each look at alpha ${s.lookAlpha?.toPrecision(2)} (Bonferroni over the planned looks); median trials used: ${s.medianTrials ?? '-'}`] : []),
    ...(s.minEffect !== undefined ? [`minimum effect for CPU per request: ${(s.minEffect * 100).toFixed(1)}%`] : []),
    `slowdown injected in B: median ${s.injectCpuUs} us of CPU per request (calibration: ${s.baseCpuMsPerRequest.toFixed(3)} CPU ms/request); B's CPU per request against A, median over comparisons: ${signedPct(s.medianCpuChangeAB)} (A' against A: ${signedPct(s.medianCpuChangeAA)})`,
    '',
    ...outcomes.filter((o) => o.test === s.test).map(outcomeLine),
    '',
    `false alarms: ${s.falseAlarms} of ${s.comparisons} A/A (${pct(s.falseAlarms, s.comparisons)})`,
    `detections:   ${s.detections} of ${s.comparisons} A/B (${pct(s.detections, s.comparisons)})`,
  ];
  if (s.unusable) lines.push(`unusable comparisons (runs failed): ${s.unusable}`);
  for (const o of others) {
    lines.push(`same runs, ${o.test} test: ${o.falseAlarms} false alarm(s) of ${o.comparisons} A/A, ${o.detections} detection(s) of ${o.comparisons} A/B`);
  }
  return lines.join('\n') + '\n';
}


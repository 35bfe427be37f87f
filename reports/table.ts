// The one summary table every text exporter shares: header and rows as strings.
import { errorRate } from '../analysis/aggregate.js';
import type { Results, RunResult } from '../record/results.js';
import { unrecoveredOutageLines } from './events-table.js';

export const SUMMARY_HEADER = ['target', 'trial', 'rps', 'p50 ms', 'p90 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'errors', 'CPU ms/req', 'RSS MB', 'flags'];

const fmt = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '-' : x.toFixed(digits));

export function runFlags(r: RunResult): string {
  const flags: string[] = [];
  if (r.status !== 'ok') flags.push(r.status.toUpperCase());
  if (r.generator.bound) flags.push('generator-bound');
  if (r.dropped > 0) flags.push(`dropped ${r.dropped}`);
  return flags.join(', ');
}

export function summaryRow(r: RunResult): string[] {
  const l = r.latencyMs;
  const rate = errorRate(r);
  const errPct = rate !== null ? ` (${(rate * 100).toFixed(2)}%)` : '';
  return [
    r.target,
    String(r.trial),
    fmt(r.rps, 0),
    fmt(l?.p50),
    fmt(l?.p90),
    fmt(l?.p99),
    fmt(l?.p999),
    fmt(l?.max),
    `${r.errors}${r.errors ? errPct : ''}`,
    fmt(r.cpuMsPerRequest, 3),
    fmt(r.rssMb?.peakTotal, 1),
    runFlags(r),
  ];
}

export function summaryRows(results: Results): string[][] {
  return results.runs.map(summaryRow);
}

/** Why runs failed, one line each, for the text exporters. */
export function problemLines(results: Results): string[] {
  const lines: string[] = [];
  for (const r of results.runs) {
    if (r.error) lines.push(`${r.target} (trial ${r.trial}): ${r.error}`);
    for (const reason of r.generator.reasons) lines.push(`${r.target} (trial ${r.trial}): generator-bound: ${reason}`);
    for (const outage of unrecoveredOutageLines(r)) lines.push(`${r.target} (trial ${r.trial}): ${outage}`);
  }
  for (const s of results.skipped) lines.push(`${s.target}: skipped: ${s.reason}`);
  return lines;
}

/** One line per threshold: "ok" or "FAILED", target, metric, expression, observed value. */
export function thresholdLines(results: Results): string[] {
  return results.thresholds.map((t) => `${t.ok ? 'ok    ' : 'FAILED'} ${t.target}: ${t.metric} ${t.expression} (actual ${t.actual ?? 'none'}${t.detail ? `; ${t.detail}` : ''})`);
}

export const THRESHOLD_HEADER = ['target', 'threshold', 'actual', 'result'];

export function thresholdRows(results: Results): string[][] {
  return results.thresholds.map((t) => [t.target, `${t.metric}: ${t.expression}`, `${t.actual ?? 'none'}${t.detail ? ` (${t.detail})` : ''}`, t.ok ? 'ok' : 'FAILED']);
}

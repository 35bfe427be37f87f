// Tables of the statistics across trials (median [95% CI], ratio to the baseline [95% CI]),
// shared by the terminal, Markdown and HTML exporters, and the number formats they use.
import { aggregatesOf } from '../analysis/aggregate.js';
import type { MetricKey, Results, TrialEstimate } from '../record/results.js';

const DIGITS: Record<MetricKey, number> = { rps: 0, p50: 2, p90: 2, p99: 2, p999: 2, cpuMsPerRequest: 3, rssMb: 1, errorRate: 2 };

export function formatValue(metric: MetricKey, v: number): string {
  if (!Number.isFinite(v)) return '?';
  if (metric === 'errorRate') return `${(v * 100).toFixed(DIGITS.errorRate)}%`;
  return v.toFixed(DIGITS[metric]);
}

/** "median [lo, hi]", or the bare value for a single trial (no interval to give). */
export function formatEstimate(metric: MetricKey, e: TrialEstimate | null | undefined): string {
  if (!e) return '-';
  if (e.n < 2) return formatValue(metric, e.median);
  return `${formatValue(metric, e.median)} [${formatValue(metric, e.ci.lo)}, ${formatValue(metric, e.ci.hi)}]`;
}

/** "1.50x" and "[1.01, 2.18]" apart, for formats that put words between them; no interval for one trial. */
export function ratioParts(r: TrialEstimate): { value: string; interval: string | null } {
  const x = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '?');
  return { value: `${x(r.median)}x`, interval: r.n < 2 ? null : `[${x(r.ci.lo)}, ${x(r.ci.hi)}]` };
}

export function formatRatio(r: TrialEstimate | null | undefined): string {
  if (!r) return '-';
  const { value, interval } = ratioParts(r);
  return interval ? `${value} ${interval}` : value;
}

/** Whether the statistics across trials have anything to add to the per-run rows. */
export function hasTrials(results: Results): boolean {
  return aggregatesOf(results).targets.some((t) => t.usableTrials > 1);
}

const SHOWN: MetricKey[] = ['rps', 'p50', 'p99', 'p999', 'cpuMsPerRequest', 'rssMb', 'errorRate'];

export const AGGREGATE_HEADER = ['target', 'trials', 'rps', 'p50 ms', 'p99 ms', 'p99.9 ms', 'CPU ms/req', 'RSS MB', 'error rate'];

export function aggregateRows(results: Results): string[][] {
  return aggregatesOf(results).targets.map((t) => [
    t.target,
    t.usableTrials === t.trials ? String(t.trials) : `${t.usableTrials}/${t.trials}`,
    ...SHOWN.map((k) => formatEstimate(k, t.metrics[k])),
  ]);
}

export const RATIO_METRICS: MetricKey[] = ['rps', 'p50', 'p99', 'cpuMsPerRequest', 'rssMb'];
export const RATIO_HEADER = ['target', 'rps', 'p50', 'p99', 'CPU ms/req', 'RSS MB'];

/** Every non-baseline target over the baseline; paired per interleaved trial where possible. */
export function ratioRows(results: Results): string[][] {
  const agg = aggregatesOf(results);
  // A failed target says so in every cell rather than a row of dashes.
  return agg.targets
    .filter((t) => t.target !== agg.baseline)
    .map((t) => [t.target, ...RATIO_METRICS.map((k) => (t.usableTrials === 0 ? 'failed' : formatRatio(t.metrics[k]?.ratio)))]);
}

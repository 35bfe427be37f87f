// The answer first: per target, its cost against the baseline in three numbers (CPU per
// request, throughput, p99), built once here; the terminal, summary.md and report.html each
// only format it (hyperfine's shape: shared table logic, thin exporters).
import { aggregatesOf, metricDef, whyUnusable } from '../analysis/aggregate.js';
import { formatEstimate, ratioParts } from './aggregate-table.js';
import type { MetricAggregate, MetricKey, Results, TrialEstimate } from '../record/results.js';

/** The metrics of the verdict line, in the order a reader asks about them. */
export const VERDICT_METRICS: ReadonlyArray<{ key: MetricKey; label: string }> = [
  { key: 'cpuMsPerRequest', label: 'CPU per request' },
  { key: 'rps', label: 'throughput' },
  { key: 'p99', label: 'p99' },
];

export interface VerdictItem {
  metric: MetricKey;
  label: string;
  better: 'higher' | 'lower';
  /** Target over baseline, or for the baseline its own median; null when not measured. */
  estimate: TrialEstimate | null;
}

export type TargetVerdict =
  | { kind: 'baseline'; target: string; usableTrials: number; trials: number; items: VerdictItem[] }
  | { kind: 'ratio'; target: string; baseline: string; usableTrials: number; trials: number; items: VerdictItem[] }
  /** No usable trial: nothing to compare; `reason` says why (the first error). */
  | { kind: 'failed'; target: string; trials: number; reason: string }
  /** The target measured, but the baseline did not: no ratio is defined. */
  | { kind: 'no-baseline'; target: string; baseline: string; usableTrials: number; trials: number };

export interface Verdicts {
  baseline: string | null;
  targets: TargetVerdict[];
  /** How far to trust the intervals shown with this few trials; null when they are what they say. */
  intervalNote: string | null;
}

/**
 * Up to this many trials, the 95% percentile-bootstrap interval of a median is exactly the
 * lowest and the highest trial (a resample's median lands on an extreme more than 2.5% of
 * the time; test/reports/verdict.test.ts checks it against reports/stats.ts).
 */
export const RANGE_ONLY_MAX_TRIALS = 5;

export function intervalNote(trials: number): string | null {
  if (trials < 1) return null;
  if (trials === 1) return 'with 1 trial there is no interval: ratios are of single runs (--trials 6 or more give 95% intervals)';
  if (trials <= RANGE_ONLY_MAX_TRIALS) {
    return `with ${trials} trials each "95% interval" is the range of the trials (lowest to highest): their spread, not 95% confidence; from ${RANGE_ONLY_MAX_TRIALS + 1} trials the bootstrap interval is narrower than the range`;
  }
  return null;
}

export function verdicts(results: Results): Verdicts {
  const agg = aggregatesOf(results);
  const base = agg.targets.find((t) => t.target === agg.baseline);
  const items = (metrics: Record<MetricKey, MetricAggregate | null>, pick: (m: MetricAggregate) => TrialEstimate | null | undefined): VerdictItem[] =>
    VERDICT_METRICS.map(({ key, label }) => {
      const m = metrics[key];
      return { metric: key, label, better: metricDef(key).better, estimate: (m && pick(m)) ?? null };
    });
  const targets = agg.targets.map((t): TargetVerdict => {
    const counts = { usableTrials: t.usableTrials, trials: t.trials };
    if (t.usableTrials === 0) return { kind: 'failed', target: t.target, trials: t.trials, reason: whyUnusable(results.runs, t.target) };
    if (t.target === agg.baseline) return { kind: 'baseline', target: t.target, ...counts, items: items(t.metrics, (m) => m) };
    if (!base || base.usableTrials === 0) return { kind: 'no-baseline', target: t.target, baseline: agg.baseline ?? '', ...counts };
    return { kind: 'ratio', target: t.target, baseline: base.target, ...counts, items: items(t.metrics, (m) => m.ratio) };
  });
  const usable = agg.targets.map((t) => t.usableTrials).filter((n) => n > 0);
  return { baseline: agg.baseline, targets, intervalNote: usable.length ? intervalNote(Math.min(...usable)) : null };
}

const BASE_UNIT: Partial<Record<MetricKey, string>> = { cpuMsPerRequest: 'CPU ms per request', rps: 'req/s', p99: 'ms p99' };

/**
 * The verdict as plain words after the target's name, e.g. "3.40x CPU per request [3.10,
 * 3.70], 0.47x throughput [0.45, 0.49], 1.60x p99 [1.50, 1.80] against monolith-fastify".
 */
export function verdictText(v: TargetVerdict): string {
  const partial = 'usableTrials' in v && v.usableTrials < v.trials ? ` (${v.usableTrials} of ${v.trials} trials usable)` : '';
  switch (v.kind) {
    case 'failed':
      return `FAILED in ${v.trials === 1 ? 'its only trial' : `all ${v.trials} trials`}, not compared (${v.reason})`;
    case 'no-baseline':
      return `no ratio: the baseline ${v.baseline} has no usable trial${partial}`;
    case 'baseline':
      return `baseline: ${v.items.map((i) => (i.estimate ? `${formatEstimate(i.metric, i.estimate)} ${BASE_UNIT[i.metric] ?? ''}` : `${i.label} not measured`)).join(', ')}${partial}`;
    case 'ratio': {
      const parts = v.items.map((i) => {
        if (!i.estimate) return `${i.label} not measured`;
        const { value, interval } = ratioParts(i.estimate);
        return `${value} ${i.label}${interval ? ` ${interval}` : ''}`;
      });
      return `${parts.join(', ')} against ${v.baseline}${partial}`;
    }
  }
}

/** "target: text", one per target: the terminal's and summary.md's shared line. */
export function verdictLines(results: Results): Array<{ target: string; text: string; failed: boolean }> {
  return verdicts(results).targets.map((v) => ({ target: v.target, text: verdictText(v), failed: v.kind === 'failed' || v.kind === 'no-baseline' }));
}

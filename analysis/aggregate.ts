// Statistics across trials: per target and metric, the median and a 95% bootstrap interval,
// and the ratio to the baseline target with its interval. A pure function of the runs, so
// `bench report` can recompute it from any results.json.
import type { Aggregates, MetricAggregate, MetricKey, Results, RunResult, TargetAggregate } from '../record/results.js';
import { BOOTSTRAP_RESAMPLES, CONFIDENCE, estimate, pairedRatio, ratioOfMedians } from './stats.js';

export interface MetricDef {
  key: MetricKey;
  label: string;
  unit: string;
  /** Which way is better: the verdict of a comparison depends on it. */
  better: 'higher' | 'lower';
  /** Effect-size class: compare's default minimum effects are per class. */
  kind: 'throughput' | 'latency' | 'cpu' | 'memory' | 'errors';
  of(r: RunResult): number | null;
}

export const errorRate = (r: RunResult): number | null => {
  const attempts = r.ok + r.errors;
  return attempts > 0 ? r.errors / attempts : null;
};

/** The one list of metrics that aggregates, compare and the reports share. */
export const METRICS: readonly MetricDef[] = [
  { key: 'rps', label: 'rps', unit: 'req/s', better: 'higher', kind: 'throughput', of: (r) => (r.ok > 0 ? r.rps : null) },
  { key: 'p50', label: 'p50', unit: 'ms', better: 'lower', kind: 'latency', of: (r) => r.latencyMs?.p50 ?? null },
  { key: 'p90', label: 'p90', unit: 'ms', better: 'lower', kind: 'latency', of: (r) => r.latencyMs?.p90 ?? null },
  { key: 'p99', label: 'p99', unit: 'ms', better: 'lower', kind: 'latency', of: (r) => r.latencyMs?.p99 ?? null },
  { key: 'p999', label: 'p99.9', unit: 'ms', better: 'lower', kind: 'latency', of: (r) => r.latencyMs?.p999 ?? null },
  { key: 'cpuMsPerRequest', label: 'CPU ms/req', unit: 'ms', better: 'lower', kind: 'cpu', of: (r) => r.cpuMsPerRequest },
  { key: 'rssMb', label: 'RSS MB', unit: 'MB', better: 'lower', kind: 'memory', of: (r) => r.rssMb?.peakTotal ?? null },
  { key: 'errorRate', label: 'error rate', unit: '', better: 'lower', kind: 'errors', of: errorRate },
];

export function metricDef(key: MetricKey): MetricDef {
  const d = METRICS.find((m) => m.key === key);
  if (!d) throw new Error(`unknown metric ${key}`);
  return d;
}

/** Runs that measured something usable: failed and interrupted runs are reported, not averaged. */
export function usableRuns(runs: readonly RunResult[], target: string): RunResult[] {
  return runs.filter((r) => r.target === target && r.status === 'ok');
}

/** Why a target has no usable run, in words: its first error, or the status of its first run. */
export function whyUnusable(runs: readonly RunResult[], target: string): string {
  const own = runs.filter((r) => r.target === target);
  const first = own.find((r) => r.error) ?? own[0];
  return first ? `${first.status}${first.error ? `: ${first.error}` : ''}` : 'no run';
}

export function targetNames(results: Pick<Results, 'runs'>): string[] {
  return [...new Set(results.runs.map((r) => r.target))];
}

function metricAggregate(def: MetricDef, runs: RunResult[], base: RunResult[] | null, seed: number): MetricAggregate | null {
  const points = runs.map((r) => [r.trial, def.of(r)] as const).filter((p): p is readonly [number, number] => p[1] !== null);
  if (points.length === 0) return null;
  const values = points.map((p) => p[1]);
  const agg: MetricAggregate = { ...estimate(values, seed), values };
  if (base) {
    const baseByTrial = new Map(base.map((r) => [r.trial, def.of(r)] as const));
    const pairs = points.flatMap(([trial, v]) => {
      const b = baseByTrial.get(trial);
      return b === null || b === undefined ? [] : [[b, v] as const];
    });
    const baseValues = [...baseByTrial.values()].filter((v): v is number => v !== null);
    // Paired per interleaved round when every trial has its partner; otherwise independent.
    const paired = pairs.length >= 2 && pairs.length === points.length;
    const ratio = paired ? pairedRatio(pairs, seed) : baseValues.length ? ratioOfMedians(baseValues, values, seed) : null;
    agg.ratio = ratio ? { ...ratio, paired } : null;
  }
  return agg;
}

export function aggregate(results: Pick<Results, 'runs' | 'baseline'>): Aggregates {
  const names = targetNames(results);
  const baseline = results.baseline && names.includes(results.baseline) ? results.baseline : (names[0] ?? null);
  const baseRuns = baseline ? usableRuns(results.runs, baseline) : [];
  const targets: TargetAggregate[] = names.map((target) => {
    const all = results.runs.filter((r) => r.target === target);
    const runs = usableRuns(results.runs, target);
    const metrics = {} as Record<MetricKey, MetricAggregate | null>;
    METRICS.forEach((def, i) => {
      metrics[def.key] = metricAggregate(def, runs, target === baseline ? null : baseRuns, 0x5eed + i);
    });
    return {
      target,
      trials: all.length,
      usableTrials: runs.length,
      generatorBoundTrials: all.filter((r) => r.generator.bound).length,
      dropped: all.reduce((s, r) => s + r.dropped, 0),
      metrics,
    };
  });
  return { confidence: CONFIDENCE, resamples: BOOTSTRAP_RESAMPLES, baseline, targets };
}

/** The aggregates stored in the file, or computed from the runs for files written before them. */
export function aggregatesOf(results: Results): Aggregates {
  return results.aggregates ?? aggregate(results);
}

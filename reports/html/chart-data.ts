// What the report's charts draw, derived from results alone: percentile spectra of the merged
// histograms, per-second latency and throughput, CPU and memory with their intervals.
import { aggregatesOf, usableRuns, targetNames, whyUnusable } from '../../analysis/aggregate.js';
import { mergeEncoded, percentileSpectrum } from '../../record/histogram.js';
import type { MetricAggregate, Results, RunResult } from '../../record/results.js';
import { median } from '../../analysis/stats.js';

export interface SeriesPoint {
  x: number;
  y: number | null;
}

export interface Bar {
  median: number;
  lo: number;
  hi: number;
}

export interface ChartData {
  /** Targets drawn: those with at least one usable trial. */
  targets: string[];
  /** Palette index of each drawn target: its place among all targets, so colours match the tables. */
  colours: number[];
  /** Targets in the results but not in the charts, and why: a chart must not drop them silently. */
  notDrawn: Array<{ target: string; reason: string }>;
  /** x = 1/(1-p): HdrHistogram's percentile axis, drawn on a log scale. */
  spectrum: SeriesPoint[][];
  p50: SeriesPoint[][];
  p99: SeriesPoint[][];
  rps: SeriesPoint[][];
  cpu: Array<Bar | null>;
  rss: Array<Bar | null>;
}

/** All usable trials of a target merged (exact: histograms add). */
export function mergedHistogram(runs: RunResult[]) {
  return mergeEncoded(runs.map((r) => r.histogram).filter((h): h is string => h !== null));
}

function spectrum(runs: RunResult[]): SeriesPoint[] {
  const h = mergedHistogram(runs);
  // The 100th percentile has no place on a 1/(1-p) axis; the tables give the max.
  return percentileSpectrum(h)
    .filter((p) => p.percentile < 100)
    .map((p) => ({ x: Math.round((1 / (1 - p.percentile / 100)) * 1000) / 1000, y: p.ms }));
}

/** Per second of the measured window, the median across trials (one trial: its own values). */
function perSecond(runs: RunResult[], value: (p: RunResult['timeline'][number]) => number | null): SeriesPoint[] {
  const seconds = Math.max(0, ...runs.map((r) => r.timeline.length));
  const out: SeriesPoint[] = [];
  for (let t = 0; t < seconds; t++) {
    const vs = runs.map((r) => r.timeline[t]).filter((p) => p !== undefined).map(value).filter((v): v is number => v !== null);
    out.push({ x: t + 1, y: vs.length ? Math.round(median(vs) * 1000) / 1000 : null });
  }
  return out;
}

const bar = (m: MetricAggregate | null): Bar | null => (m ? { median: m.median, lo: m.ci.lo, hi: m.ci.hi } : null);

const positive = (points: SeriesPoint[]) => points.map((p) => ({ x: p.x, y: p.y !== null && p.y > 0 ? p.y : null }));

export function chartData(results: Results): ChartData {
  const agg = aggregatesOf(results);
  const all = targetNames(results);
  const targets = all.filter((t) => usableRuns(results.runs, t).length > 0);
  const runsOf = targets.map((t) => usableRuns(results.runs, t));
  const metric = (t: string) => agg.targets.find((a) => a.target === t)?.metrics;
  const notDrawn = [
    ...all.filter((t) => !targets.includes(t)).map((t) => ({ target: t, reason: `no usable trial (${whyUnusable(results.runs, t)})` })),
    ...results.skipped.filter((s) => !all.includes(s.target)).map((s) => ({ target: s.target, reason: `skipped: ${s.reason}` })),
  ];
  return {
    targets,
    colours: targets.map((t) => all.indexOf(t)),
    notDrawn,
    // Latency axes are logarithmic: a zero (a second without responses) has no place there.
    spectrum: runsOf.map((rs) => positive(spectrum(rs))),
    p50: runsOf.map((rs) => positive(perSecond(rs, (p) => p.p50Ms))),
    p99: runsOf.map((rs) => positive(perSecond(rs, (p) => p.p99Ms))),
    rps: runsOf.map((rs) => perSecond(rs, (p) => p.requests)),
    cpu: targets.map((t) => bar(metric(t)?.cpuMsPerRequest ?? null)),
    rss: targets.map((t) => bar(metric(t)?.rssMb ?? null)),
  };
}

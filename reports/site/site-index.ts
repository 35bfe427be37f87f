// The published site's data: one entry per run with its headline numbers, versioned, so the
// pages can be rebuilt from data/index.json alone and a later publish only adds to it.
import type { MetricKey, Results } from '../../record/results.js';
import { aggregatesOf } from '../../analysis/aggregate.js';
import type { Verdicts } from '../../analysis/site-verdicts.js';

export type { Verdicts };

export const SITE_VERSION = 1;

/** The metrics the index and the trend pages show. */
export const TREND_METRICS = ['rps', 'p50', 'p99', 'cpuMsPerRequest', 'rssMb'] as const satisfies readonly MetricKey[];
export type TrendMetric = (typeof TREND_METRICS)[number];

export interface SiteEstimate {
  median: number;
  lo: number;
  hi: number;
}

export interface SiteTarget {
  target: string;
  usableTrials: number;
  metrics: Record<TrendMetric, SiteEstimate | null>;
}

export interface SiteRun {
  id: string;
  scenario: string;
  startedAt: string;
  gitCommit: string | null;
  status: Results['status'];
  workload: string;
  /** Generators merged into this run (bench merge); 1 for a plain run. */
  generators: number;
  targets: SiteTarget[];
  /** Paths relative to the site root. */
  report: string;
  results: string;
  vsPrevious: Verdicts | null;
}

export interface SiteIndex {
  siteVersion: typeof SITE_VERSION;
  /** Newest first. */
  runs: SiteRun[];
}

const slug = (s: string) => s.replace(/[^\w.-]+/g, '_');

export const scenarioSlug = slug;

/**
 * Stable across publishes: scenario, start time to the millisecond and commit name a run; a
 * merged run starts when its earliest source did, so it carries its generator count too.
 */
export function runId(results: Results): string {
  const stamp = results.startedAt.replace(/[-:]/g, '').replace('.', '');
  const merged = results.mergedFrom?.length ? `-x${results.mergedFrom.length}` : '';
  return `${slug(results.scenario.name)}-${stamp}-${results.env.gitCommit?.slice(0, 10) ?? 'nogit'}${merged}`;
}

export function siteRunOf(results: Results): SiteRun {
  const id = runId(results);
  const agg = aggregatesOf(results);
  return {
    id,
    scenario: results.scenario.name,
    startedAt: results.startedAt,
    gitCommit: results.env.gitCommit,
    status: results.status,
    workload: results.runs[0]?.workload.description ?? '',
    generators: results.mergedFrom?.length ?? 1,
    targets: agg.targets.map((t) => {
      const metrics = {} as Record<TrendMetric, SiteEstimate | null>;
      for (const m of TREND_METRICS) {
        const a = t.metrics[m];
        metrics[m] = a ? { median: a.median, lo: a.ci.lo, hi: a.ci.hi } : null;
      }
      return { target: t.target, usableTrials: t.usableTrials, metrics };
    }),
    report: `runs/${id}/report.html`,
    results: `runs/${id}/results.json`,
    vsPrevious: null,
  };
}

export const newestFirst = (a: SiteRun, b: SiteRun) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id);

/** Each scenario's runs, oldest first: the order trends and comparisons go in. */
export function runsByScenario(index: SiteIndex): Map<string, SiteRun[]> {
  const out = new Map<string, SiteRun[]>();
  for (const r of [...index.runs].sort(newestFirst).reverse()) {
    const list = out.get(r.scenario) ?? [];
    list.push(r);
    out.set(r.scenario, list);
  }
  return out;
}

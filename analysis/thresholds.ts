// Scenario thresholds in k6's syntax: { 'latency{name:GET /users/:id}': ['p(99)<50'], errors: ['rate<0.01'], checks: ['rate>0.99'] }.
// Parsed and validated before any target starts (an unknown metric is a usage error, never a
// pass: grafana/k6 #1526), evaluated per target over all its usable trials after the runs.
// A threshold over a metric with no samples fails (k6 #4283, #1053).
import { usableRuns, targetNames } from './aggregate.js';
import { mergeEncoded } from '../record/histogram.js';
import type { Results, RunResult, ThresholdResult } from '../record/results.js';
import { UsageError } from '../common/errors.js';

export class ThresholdError extends UsageError {
  constructor(message: string) {
    super(message, 'ERR_THRESHOLD');
  }
}

type Op = '<' | '<=' | '>' | '>=' | '==' | '!=';

interface MetricSpec {
  /** Aggregations this metric accepts, with what they mean, for error messages. */
  aggregations: Record<string, string>;
  /** Accepts p(N) percentiles. */
  percentiles: boolean;
  taggable: boolean;
  describe: string;
}

// The one registry of threshold metrics; k6's built-in names are accepted as aliases.
const METRICS: Record<string, MetricSpec> = {
  latency: { aggregations: { avg: 'mean ms', min: 'ms', med: 'median ms', max: 'ms' }, percentiles: true, taggable: true, describe: 'response time of successful requests, ms' },
  errors: { aggregations: { rate: 'failed / attempted, 0..1', count: 'failed requests' }, percentiles: false, taggable: true, describe: 'failed requests' },
  requests: { aggregations: { rate: 'responses per second', count: 'responses' }, percentiles: false, taggable: true, describe: 'responses received' },
  cpu_ms_per_request: { aggregations: { value: 'target CPU ms per successful request' }, percentiles: false, taggable: false, describe: 'target CPU per request' },
  rss_mb: { aggregations: { value: 'peak total RSS, MB' }, percentiles: false, taggable: false, describe: 'target memory' },
  dropped: { aggregations: { count: 'arrivals not sent (open model)' }, percentiles: false, taggable: false, describe: 'dropped arrivals' },
  checks: { aggregations: { rate: 'passed / evaluated checks, 0..1', fails: 'failed checks' }, percentiles: false, taggable: false, describe: "the scenario's response checks" },
};

const ALIASES: Record<string, string> = { http_req_duration: 'latency', http_req_failed: 'errors', http_reqs: 'requests' };

export const THRESHOLD_METRICS = Object.keys(METRICS);

export interface ParsedThreshold {
  /** The key as written, e.g. latency{name:GET /users/:id}. */
  metric: string;
  base: string;
  requestName: string | null;
  expression: string;
  aggregation: string;
  percentile: number | null;
  op: Op;
  limit: number;
}

const KEY_RE = /^\s*([a-z_]+)\s*(?:\{\s*([a-z_]+)\s*:\s*(.+?)\s*\})?\s*$/i;
const EXPR_RE = /^\s*(p\(\s*(\d+(?:\.\d+)?)\s*\)|[a-z]+)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i;

/** Every problem at once (k6's Validate() style), so the user fixes them in one go. */
export function parseThresholds(thresholds: Record<string, unknown> | undefined, requestNames: readonly string[]): ParsedThreshold[] {
  const parsed: ParsedThreshold[] = [];
  const problems: string[] = [];
  for (const [key, exprs] of Object.entries(thresholds ?? {})) {
    const m = KEY_RE.exec(key);
    const base = m ? (ALIASES[m[1]!.toLowerCase()] ?? m[1]!.toLowerCase()) : '';
    const spec = METRICS[base];
    if (!m || !spec) {
      problems.push(`thresholds: unknown metric "${key}"; valid metrics: ${THRESHOLD_METRICS.join(', ')} (k6 aliases: ${Object.keys(ALIASES).join(', ')}), optionally tagged {name:<request name>}`);
      continue;
    }
    let requestName: string | null = null;
    if (m[2] !== undefined) {
      if (!spec.taggable) problems.push(`thresholds: "${key}": ${base} cannot be tagged; taggable metrics: ${THRESHOLD_METRICS.filter((k) => METRICS[k]!.taggable).join(', ')}`);
      else if (m[2] !== 'name') problems.push(`thresholds: "${key}": unknown tag "${m[2]}"; the only tag is name`);
      else if (!requestNames.includes(m[3]!)) problems.push(`thresholds: "${key}": no request named "${m[3]}"; request names: ${requestNames.join(', ')}`);
      else requestName = m[3]!;
    }
    if (!Array.isArray(exprs) || exprs.length === 0 || exprs.some((e) => typeof e !== 'string')) {
      problems.push(`thresholds: "${key}" must be a non-empty array of strings like "p(99)<50"`);
      continue;
    }
    for (const expression of exprs as string[]) {
      const e = EXPR_RE.exec(expression);
      const accepted = [...(spec.percentiles ? ['p(N)'] : []), ...Object.keys(spec.aggregations)].join(', ');
      if (!e) {
        problems.push(`thresholds: "${key}": cannot parse "${expression}"; expected AGGREGATION OP NUMBER with AGGREGATION one of ${accepted} and OP one of < <= > >= == !=`);
        continue;
      }
      const percentile = e[2] !== undefined ? Number(e[2]) : null;
      const aggregation = percentile !== null ? 'p' : e[1]!.toLowerCase();
      if (percentile !== null ? !spec.percentiles || percentile <= 0 || percentile > 100 : !(aggregation in spec.aggregations)) {
        problems.push(`thresholds: "${key}": "${e[1]}" is not an aggregation of ${base}; valid: ${accepted}${spec.percentiles ? ' (0 < N <= 100)' : ''}`);
        continue;
      }
      parsed.push({ metric: key, base, requestName, expression, aggregation, percentile, op: e[3] as Op, limit: Number(e[4]) });
    }
  }
  if (problems.length) throw new ThresholdError(problems.join('\n'));
  return parsed;
}

interface Observed {
  value: number | null;
  detail?: string;
}

function sum(runs: RunResult[], f: (r: RunResult) => number): number {
  return runs.reduce((s, r) => s + f(r), 0);
}

function observe(t: ParsedThreshold, runs: RunResult[]): Observed {
  if (runs.length === 0) return { value: null, detail: 'no usable trial' };
  const part = (r: RunResult) => (t.requestName ? r.byRequest[t.requestName] : undefined);
  switch (t.base) {
    case 'latency': {
      const encoded = runs.map((r) => (t.requestName ? (part(r)?.histogram ?? null) : r.histogram)).filter((h): h is string => h !== null);
      const h = mergeEncoded(encoded);
      if (h.totalCount === 0) return { value: null, detail: 'no successful response to measure' };
      const us =
        t.aggregation === 'p' ? h.getValueAtPercentile(t.percentile!) : t.aggregation === 'avg' ? h.mean : t.aggregation === 'min' ? h.minNonZeroValue : t.aggregation === 'med' ? h.getValueAtPercentile(50) : h.getValueAtPercentile(100);
      return { value: Math.round(us) / 1000, detail: `${h.totalCount} samples over ${runs.length} trial(s)` };
    }
    case 'errors': {
      const errors = sum(runs, (r) => (t.requestName ? (part(r)?.errors ?? 0) : r.errors));
      // Attempts = successes + failures; per request type the successes are its histogram's count.
      const okOf = (r: RunResult) => {
        const h = part(r)?.histogram;
        return h ? mergeEncoded([h]).totalCount : 0;
      };
      const attempts = t.requestName ? sum(runs, (r) => okOf(r) + (part(r)?.errors ?? 0)) : sum(runs, (r) => r.ok + r.errors);
      if (t.aggregation === 'count') return { value: errors };
      if (attempts === 0) return { value: null, detail: 'no request was attempted' };
      return { value: errors / attempts, detail: `${errors} of ${attempts}` };
    }
    case 'requests': {
      const n = sum(runs, (r) => (t.requestName ? (part(r)?.requests ?? 0) : r.requests));
      if (t.aggregation === 'count') return { value: n };
      const seconds = sum(runs, (r) => r.durationS);
      return seconds > 0 ? { value: n / seconds } : { value: null, detail: 'no measured time' };
    }
    case 'cpu_ms_per_request': {
      // The figure the table shows (schedstat-precise), not tick-quantised user+sys: one number
      // everywhere. Trials combine as their CPU and successes add up.
      const withCpu = runs.filter((r) => r.cpuMsPerRequest !== null && r.ok > 0);
      if (withCpu.length === 0) return { value: null, detail: 'no CPU measurement (external target?)' };
      const cpu = sum(withCpu, (r) => r.cpuMsPerRequest! * r.ok);
      return { value: cpu / sum(withCpu, (r) => r.ok) };
    }
    case 'rss_mb': {
      const rss = runs.map((r) => r.rssMb?.peakTotal).filter((x): x is number => x !== undefined);
      return rss.length ? { value: Math.max(...rss) } : { value: null, detail: 'no memory measurement (external target?)' };
    }
    case 'checks': {
      const counts = runs.flatMap((r) => Object.values(r.checks ?? {}));
      const passes = counts.reduce((s, c) => s + c.passes, 0);
      const fails = counts.reduce((s, c) => s + c.fails, 0);
      if (passes + fails === 0) return { value: null, detail: 'no check was evaluated (does the scenario define checks?)' };
      if (t.aggregation === 'fails') return { value: fails, detail: `${fails} of ${passes + fails}` };
      return { value: passes / (passes + fails), detail: `${passes} of ${passes + fails} passed` };
    }
    case 'dropped':
      return { value: sum(runs, (r) => r.dropped) };
    default:
      return { value: null, detail: `unknown metric ${t.base}` };
  }
}

function holds(value: number, op: Op, limit: number): boolean {
  switch (op) {
    case '<':
      return value < limit;
    case '<=':
      return value <= limit;
    case '>':
      return value > limit;
    case '>=':
      return value >= limit;
    case '==':
      return value === limit;
    case '!=':
      return value !== limit;
  }
}

/** Every threshold for every target, over the target's usable trials merged (histograms merge exactly). */
export function evaluateThresholds(parsed: readonly ParsedThreshold[], results: Pick<Results, 'runs'>): ThresholdResult[] {
  const out: ThresholdResult[] = [];
  for (const target of targetNames(results)) {
    const runs = usableRuns(results.runs, target);
    for (const t of parsed) {
      const { value, detail } = observe(t, runs);
      const round = value === null ? null : Math.round(value * 1e6) / 1e6;
      out.push({
        metric: t.metric,
        expression: t.expression,
        target,
        ok: value !== null && holds(value, t.op, t.limit),
        actual: round,
        ...(detail ? { detail } : {}),
      });
    }
  }
  return out;
}

export const thresholdsFailed = (results: Pick<Results, 'thresholds'>): boolean => results.thresholds.some((t) => !t.ok);

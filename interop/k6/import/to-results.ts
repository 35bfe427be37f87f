// An accumulator's totals as a normal archbench run folder's results: one run of one target,
// marked as produced by k6 (workload.runner 'k6'); nothing about the target process is known.
import { encodeHistogram, summarizeMs } from '../../../record/histogram.js';
import { SCHEMA_VERSION, type EnvInfo, type RequestStats, type Results, type RunResult, type ThresholdResult, type TimelinePoint, type Workload } from '../../../record/results.js';
import type { K6Accumulator } from './accumulator.js';

export interface ImportMeta {
  scenario: { name: string; description: string };
  target: string;
  workload: Workload;
  command: string[];
  env: EnvInfo;
  thresholds: ThresholdResult[];
}

const UNKNOWN_AXES = { topology: 'unknown', framework: 'unknown', lifecycle: 'unknown', workers: 1, storage: 'unknown' };

/** Requests and errors per second since the first point's second, gaps filled with zeros. */
function timelineOf(acc: K6Accumulator): TimelinePoint[] {
  if (acc.perSecond.size === 0) return [];
  const seconds = [...acc.perSecond.keys()];
  const first = Math.min(...seconds);
  const last = Math.max(...seconds);
  const out: TimelinePoint[] = [];
  for (let s = first; s <= last; s++) {
    const c = acc.perSecond.get(s);
    // Per-second percentiles would need a histogram per second: memory that grows with the test.
    out.push({ t: s - first, requests: c?.requests ?? 0, errors: c?.errors ?? 0, p50Ms: null, p99Ms: null });
  }
  return out;
}

export function toResults(acc: K6Accumulator, meta: ImportMeta): Results {
  // The span from the first to the last response; at least 1 ms so one request still has a rate.
  const durationS = acc.requests > 0 ? Math.max(0.001, (acc.lastMs - acc.firstMs) / 1000) : 0;
  const rate = (n: number) => (durationS > 0 ? Math.round((n / durationS) * 1000) / 1000 : 0);
  const byRequest: Record<string, RequestStats> = {};
  for (const [name, s] of [...acc.byName].sort(([a], [b]) => a.localeCompare(b))) {
    byRequest[name] = { requests: s.requests, errors: s.errors, rps: rate(s.requests), latencyMs: summarizeMs(s.histogram), histogram: s.histogram.totalCount ? encodeHistogram(s.histogram) : null };
  }
  // No silent zeros: a run without one successful response failed.
  const status = acc.ok > 0 ? 'ok' : 'failed';
  const run: RunResult = {
    target: meta.target,
    axes: UNKNOWN_AXES,
    trial: 1,
    status,
    ...(status === 'failed' ? { error: acc.requests === 0 ? 'no http_req_duration point in the k6 output' : 'every request failed' } : {}),
    workload: meta.workload,
    durationS,
    requests: acc.requests,
    ok: acc.ok,
    errors: acc.requests - acc.ok,
    errorsByKind: acc.errorsByKind,
    dropped: acc.dropped,
    rps: rate(acc.requests),
    latencyMs: summarizeMs(acc.total),
    histogram: acc.total.totalCount ? encodeHistogram(acc.total) : null,
    byRequest,
    // k6 measured the load side only: target CPU and memory are unknown, never zero.
    cpuMsPerRequest: null,
    targetCpuMs: null,
    rssMb: null,
    // k6's own CPU and schedule lag are not in its output: no reason to flag, none known.
    generator: { cpuPct: 0, bound: false, reasons: [] },
    timeline: timelineOf(acc),
  };
  const iso = (ms: number) => new Date(Number.isFinite(ms) ? ms : Date.now()).toISOString();
  return {
    schemaVersion: SCHEMA_VERSION,
    scenario: { ...meta.scenario, warmupS: 0, seed: {} },
    command: meta.command,
    startedAt: iso(acc.firstMs),
    finishedAt: iso(acc.lastMs),
    status,
    interrupted: false,
    baseline: null,
    env: meta.env,
    skipped: [],
    runs: [run],
    thresholds: meta.thresholds,
  };
}

// A runner's Sample plus what the harness measured beside it becomes one RunResult: the only
// place where counts turn into rates, histograms into percentiles and CPU into CPU per request.
import { encodeHistogram, summarizeMs, type Histogram } from './histogram.js';
import type { GeneratorHealth, RequestStats, RunResult, RunStatus, TargetAxes, Workload } from './results.js';
import type { Sample, TreeUsage } from './sample.js';

/** Who ran what: the fields of a RunResult that do not come from the measurement. */
export interface RunIdentity {
  target: string;
  axes: TargetAxes;
  trial: number;
  workload: Workload;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function requestStats(s: { requests: number; errors: number; histogram: Histogram }, durationS: number): RequestStats {
  return {
    requests: s.requests,
    errors: s.errors,
    rps: round(s.requests / durationS, 1),
    latencyMs: summarizeMs(s.histogram),
    histogram: s.histogram.totalCount > 0 ? encodeHistogram(s.histogram) : null,
  };
}

export function buildResult(id: RunIdentity, s: Sample, usage: TreeUsage | undefined, generator: GeneratorHealth, status: RunStatus): RunResult {
  const durationS = Math.max(s.durationMs / 1000, 0.001);
  const byRequest: Record<string, RequestStats> = {};
  for (const [name, r] of s.byRequest) byRequest[name] = requestStats(r, durationS);
  const total = requestStats({ requests: s.requests, errors: s.errors, histogram: s.histogram }, durationS);
  const measured = usage && usage.processes.length > 0 ? usage : undefined;
  // No silent zeros: a window without one good response is a failed run, with its errors.
  const noneOk = status === 'ok' && s.ok === 0;
  return {
    target: id.target,
    axes: id.axes,
    trial: id.trial,
    status: noneOk ? 'failed' : status,
    ...(noneOk ? { error: `no successful response: ${s.errors} errors (${Object.entries(s.errorsByKind).map(([k, n]) => `${k} x${n}`).join(', ') || 'no response at all'})` } : {}),
    workload: id.workload,
    durationS: round(durationS, 3),
    requests: s.requests,
    ok: s.ok,
    errors: s.errors,
    errorsByKind: s.errorsByKind,
    dropped: s.dropped,
    rps: total.rps,
    latencyMs: total.latencyMs,
    histogram: total.histogram,
    byRequest,
    ...(s.checks ? { checks: s.checks } : {}),
    cpuMsPerRequest: measured && s.ok > 0 ? round(measured.cpu.totalMs / s.ok, 4) : null,
    targetCpuMs: measured ? { user: round(measured.cpu.userMs, 1), system: round(measured.cpu.systemMs, 1) } : null,
    rssMb: measured ? { peakTotal: measured.peakTotalMb, processes: measured.processes } : null,
    generator,
    timeline: s.timeline,
  };
}

/** A run that measured nothing (it failed or was interrupted before its window). */
export function emptyResult(id: RunIdentity, status: RunStatus, error: string): RunResult {
  return {
    ...id,
    status,
    error,
    durationS: 0,
    requests: 0,
    ok: 0,
    errors: 0,
    errorsByKind: {},
    dropped: 0,
    rps: 0,
    latencyMs: null,
    histogram: null,
    byRequest: {},
    cpuMsPerRequest: null,
    targetCpuMs: null,
    rssMb: null,
    generator: { cpuPct: 0, bound: false, reasons: [] },
    timeline: [],
  };
}

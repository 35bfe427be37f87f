// Several generators loaded the same target at the same time (archbench on N hosts, k6 on N
// pods): their results become one run, exactly where exactness is possible (histograms add,
// counts sum) and by a stated rule where it is not (target CPU, RSS, per-second percentiles).
// Used by `bench merge` and by `bench import k6` for several pod files.
//
// Alignment: each source's runs are placed on one clock by the source's Results.startedAt;
// the earliest is 0 and a source that started 2.4 s later has offset 2.4 s. A timeline point
// t of that source lands in merged second round(offset + t). Measured windows open after
// boot, seed and warm-up, which take about the same time on every generator, so the rounding
// to whole seconds is the precision claimed; nothing finer is known from the files.
import { encodeHistogram, mergeEncoded, summarizeMs } from './histogram.js';
import type { GeneratorHealth, GeneratorSourceHealth, RequestStats, Results, ResultsStatus, RunResult, RunStatus, TimelinePoint, Workload } from './results.js';
import { UsageError } from '../common/errors.js';

export interface MergeOptions {
  /** One label per source (a folder or pod name); default source1..N. */
  labels?: string[];
  /** argv recorded as the merged run's command. */
  command?: string[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const runKey = (r: Pick<RunResult, 'target' | 'trial'>) => `${r.target} trial ${r.trial}`;

/** The worst status wins: one failed generator makes the merged run failed. */
function worstStatus(statuses: ResultsStatus[]): RunStatus {
  if (statuses.includes('failed')) return 'failed';
  // A partial file (running) never finished: as good as interrupted.
  if (statuses.includes('interrupted') || statuses.includes('running')) return 'interrupted';
  return 'ok';
}

function refuse(what: string, values: string[], labels: string[]): never {
  const listed = values.map((v, i) => `${labels[i]}: ${v}`).join('; ');
  throw new UsageError(`cannot merge: different ${what} (${listed}); merge only runs of one scenario, target and executor made at the same time`);
}

function assertSame(what: string, values: string[], labels: string[]): void {
  if (new Set(values).size > 1) refuse(what, values, labels);
}

/** The sum of the encoded histograms, and the latency summary recomputed from it. */
function mergedLatency(parts: Array<string | null>): Pick<RequestStats, 'histogram' | 'latencyMs'> {
  const h = mergeEncoded(parts.filter((p): p is string => p !== null));
  return h.totalCount > 0 ? { histogram: encodeHistogram(h), latencyMs: summarizeMs(h) } : { histogram: null, latencyMs: null };
}

function mergeRequestStats(parts: RequestStats[], durationS: number): RequestStats {
  const requests = sum(parts.map((p) => p.requests));
  const { histogram, latencyMs } = mergedLatency(parts.map((p) => p.histogram));
  return { requests, errors: sum(parts.map((p) => p.errors)), rps: round(requests / durationS, 1), latencyMs, histogram };
}

function sumCounts(parts: Array<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts) for (const [k, n] of Object.entries(p)) out[k] = (out[k] ?? 0) + n;
  return out;
}

/** Requests and errors add per aligned second; percentiles of a second are the highest among
 * the sources: a mixture's percentile lies between its parts', so that is an upper bound. */
function mergeTimeline(runs: RunResult[], offsetsS: number[]): TimelinePoint[] {
  const seconds = new Map<number, TimelinePoint>();
  const maxOrNull = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  runs.forEach((run, i) => {
    for (const p of run.timeline) {
      const t = Math.round(offsetsS[i]! + p.t);
      const at = seconds.get(t);
      if (!at) seconds.set(t, { ...p, t });
      else seconds.set(t, { t, requests: at.requests + p.requests, errors: at.errors + p.errors, p50Ms: maxOrNull(at.p50Ms, p.p50Ms), p99Ms: maxOrNull(at.p99Ms, p.p99Ms) });
    }
  });
  return [...seconds.values()].sort((a, b) => a.t - b.t);
}

/** Loads add: rates, connections and VUs sum; stages sum when every source has the same shape. */
function mergeWorkload(parts: Workload[]): Workload {
  const first = parts[0]!;
  const total = (pick: (w: Workload) => number | undefined) => (parts.every((w) => pick(w) !== undefined) ? sum(parts.map((w) => pick(w)!)) : undefined);
  const descriptions = [...new Set(parts.map((w) => w.description))];
  const out: Workload = {
    model: first.model,
    executor: first.executor,
    runner: [...new Set(parts.map((w) => w.runner))].join('+'),
    description: descriptions.length === 1 ? `${parts.length} generators, each ${descriptions[0]}` : descriptions.join(' + '),
  };
  const connections = total((w) => w.connections);
  const rate = total((w) => w.rate);
  const maxVUs = total((w) => w.maxVUs);
  if (connections !== undefined) out.connections = connections;
  if (rate !== undefined) out.rate = rate;
  if (first.timeUnitS !== undefined) out.timeUnitS = first.timeUnitS;
  if (maxVUs !== undefined) out.maxVUs = maxVUs;
  const shape = (w: Workload) => JSON.stringify(w.stages?.map((s) => s.durationS) ?? null);
  if (first.stages && parts.every((w) => shape(w) === shape(first))) {
    out.stages = first.stages.map((s, i) => ({ durationS: s.durationS, target: sum(parts.map((w) => w.stages![i]!.target)) }));
  }
  return out;
}

/** The generators' health: bound if any was; cpuPct the busiest one's; each kept in sources. */
function mergeGenerator(runs: RunResult[], labels: string[], offsetsS: number[]): GeneratorHealth {
  // A source that was itself merged contributes its own generators, offsets shifted.
  const sources: GeneratorSourceHealth[] = runs.flatMap((r, i) => {
    const { sources: inner, ...health } = r.generator;
    if (!inner) return [{ source: labels[i]!, offsetS: round(offsetsS[i]!, 3), ...health }];
    return inner.map((s) => ({ ...s, source: `${labels[i]}/${s.source}`, offsetS: round(offsetsS[i]! + s.offsetS, 3) }));
  });
  const worstLag = runs.map((r) => r.generator.lagMs).filter((l) => l != null).sort((a, b) => b!.p99 - a!.p99)[0];
  return {
    cpuPct: Math.max(...runs.map((r) => r.generator.cpuPct)),
    bound: runs.some((r) => r.generator.bound),
    reasons: runs.flatMap((r, i) => r.generator.reasons.map((why) => `${labels[i]}: ${why}`)),
    ...(worstLag ? { lagMs: worstLag } : {}),
    sources,
  };
}

function mergeRun(runs: RunResult[], labels: string[], offsetsS: number[]): RunResult {
  const key = runKey(runs[0]!);
  assertSame(`axes of ${key}`, runs.map((r) => JSON.stringify(r.axes)), labels);
  assertSame(`executors of ${key}`, runs.map((r) => `${r.workload.model} ${r.workload.executor}`), labels);
  // The merged window spans from the first source's start (offset 0) to the last one's end.
  const durationS = Math.max(0.001, ...runs.map((r, i) => offsetsS[i]! + r.durationS));
  const requests = sum(runs.map((r) => r.requests));
  const ok = sum(runs.map((r) => r.ok));
  const { histogram, latencyMs } = mergedLatency(runs.map((r) => r.histogram));
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.byRequest)))];
  const byRequest: Record<string, RequestStats> = {};
  for (const name of names) byRequest[name] = mergeRequestStats(runs.flatMap((r) => r.byRequest[name] ?? []), durationS);
  // Every generator watched the same target: CPU and RSS are not additive. One observer's CPU
  // covers all generators' requests; several observers of one process tree would double count.
  const cpuObservers = runs.filter((r) => r.targetCpuMs !== null);
  const cpu = cpuObservers.length === 1 ? cpuObservers[0]!.targetCpuMs : null;
  const rss = runs.map((r) => r.rssMb).filter((m) => m !== null).sort((a, b) => b!.peakTotal - a!.peakTotal)[0] ?? null;
  const errorsText = runs.flatMap((r, i) => (r.error ? [`${labels[i]}: ${r.error}`] : []));
  const extras = runs.filter((r) => r.extra !== undefined);
  return {
    target: runs[0]!.target,
    axes: runs[0]!.axes,
    trial: runs[0]!.trial,
    status: worstStatus(runs.map((r) => r.status)),
    ...(errorsText.length ? { error: errorsText.join('; ') } : {}),
    workload: mergeWorkload(runs.map((r) => r.workload)),
    durationS: round(durationS, 3),
    requests,
    ok,
    errors: sum(runs.map((r) => r.errors)),
    errorsByKind: sumCounts(runs.map((r) => r.errorsByKind)),
    dropped: sum(runs.map((r) => r.dropped)),
    rps: round(requests / durationS, 1),
    latencyMs,
    histogram,
    byRequest,
    cpuMsPerRequest: cpu && ok > 0 ? round((cpu.user + cpu.system) / ok, 4) : null,
    targetCpuMs: cpu,
    rssMb: rss,
    generator: mergeGenerator(runs, labels, offsetsS),
    timeline: mergeTimeline(runs, offsetsS),
    // Extra measurements are per observer and not known to add: kept only from a sole source.
    ...(extras.length === 1 ? { extra: extras[0]!.extra } : {}),
  };
}

/**
 * Merge results of one scenario and target set, made by several generators at once, into one.
 * Trial i of every source merges with trial i of the others. Throws UsageError (exit 2) naming
 * the difference when the sources are not the same experiment. Aggregates and thresholds are
 * left to the caller (they live in reports/, above this layer): the result has none.
 */
export function mergeResults(sources: readonly Results[], opts: MergeOptions = {}): Results {
  if (sources.length < 2) throw new UsageError(`cannot merge: need at least two results, got ${sources.length}`);
  const labels = opts.labels ?? sources.map((_, i) => `source${i + 1}`);
  if (labels.length !== sources.length) throw new Error('mergeResults: one label per source');
  assertSame('scenarios', sources.map((s) => s.scenario.name), labels);
  assertSame('runs (target and trial)', sources.map((s) => s.runs.map(runKey).sort().join(', ')), labels);
  const starts = sources.map((s) => Date.parse(s.startedAt));
  if (starts.some((t) => Number.isNaN(t))) refuse('start times (unreadable startedAt)', sources.map((s) => s.startedAt), labels);
  const first = Math.min(...starts);
  const offsetsS = starts.map((t) => (t - first) / 1000);
  const runs = sources[0]!.runs.map((r) => mergeRun(sources.map((s) => s.runs.find((x) => runKey(x) === runKey(r))!), labels, offsetsS));
  const base = sources[0]!;
  const skipped = new Map(sources.flatMap((s) => s.skipped).map((s) => [s.target, s]));
  return {
    schemaVersion: base.schemaVersion,
    scenario: base.scenario,
    command: opts.command ?? ['bench', 'merge', ...labels],
    startedAt: new Date(first).toISOString(),
    finishedAt: new Date(Math.max(...sources.map((s) => Date.parse(s.finishedAt)))).toISOString(),
    status: worstStatus(sources.map((s) => s.status)),
    interrupted: sources.some((s) => s.interrupted),
    baseline: base.baseline,
    env: base.env,
    skipped: [...skipped.values()],
    runs,
    thresholds: [],
    mergedFrom: sources.map((s, i) => ({ source: labels[i]!, startedAt: s.startedAt, command: s.command, gitCommit: s.env.gitCommit, os: s.env.os, cpus: s.env.cpus })),
  };
}

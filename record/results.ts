// The results data every exporter reads (shared/DESIGN.md section 5). Plain JSON: no
// classes, no functions, so a results.json file is all a report needs.
import type { LatencySummaryMs } from './histogram.js';

export const SCHEMA_VERSION = 1;

export type RunStatus = 'ok' | 'failed' | 'interrupted';

/** A whole benchmark: `running` only in results.partial.json, until the final write. */
export type ResultsStatus = RunStatus | 'running';

/** The run under way when a partial file was written (absent from final results). */
export interface RunInProgress {
  target: string;
  trial: number;
  phase: string;
  /** Measured phase only: what the generator has counted so far. */
  elapsedS?: number;
  requests?: number;
  errors?: number;
}

export interface TargetAxes {
  topology: string;
  framework: string;
  lifecycle: string;
  workers: number;
  storage: string;
  transport?: string;
  replicas?: number;
  // Issue 17 playbook switches.
  cache?: string;
  throttle?: string;
  leak?: string;
  // Edge switches (issue 17 items 4-6).
  middleware?: string;
  tick?: string;
  tickIn?: string;
  tickService?: string;
  graphqlLoader?: string;
}

export interface RequestStats {
  /** Responses received, whatever their status. */
  requests: number;
  /** Responses with an unexpected status plus requests that got no response. */
  errors: number;
  rps: number;
  latencyMs: LatencySummaryMs | null;
  /** Base64 compressed HdrHistogram of successful responses, microseconds. */
  histogram: string | null;
}

export interface ProcessRss {
  pid: number;
  command: string;
  peakMb: number;
}

export interface GeneratorHealth {
  /** Generator process CPU over the measured window, % of one core. */
  cpuPct: number;
  bound: boolean;
  reasons: string[];
  /** Schedule lag (intended vs actual send) of open-model runs. */
  lagMs?: LatencySummaryMs | null;
  threads?: number;
  /** CPU of each generator thread alone, % of one core: the harness's main thread first, then the workers. */
  perThreadCpuPct?: number[];
  /** A merged run (bench merge): each generator's own health, as it recorded it. */
  sources?: GeneratorSourceHealth[];
}

export interface GeneratorSourceHealth extends Omit<GeneratorHealth, 'sources'> {
  /** The source's label: its folder or pod name. */
  source: string;
  /** Seconds its start lay after the earliest source's (the timeline alignment). */
  offsetS: number;
}

/** One input of a merged run. */
export interface MergeSource {
  source: string;
  startedAt: string;
  command: string[];
  gitCommit: string | null;
  os: string;
  cpus: number;
}

export interface TimelinePoint {
  /** Seconds since the measured window started. */
  t: number;
  requests: number;
  errors: number;
  p50Ms: number | null;
  p99Ms: number | null;
}

export interface Workload {
  model: 'closed' | 'open';
  executor: string;
  runner: string;
  connections?: number;
  rate?: number;
  timeUnitS?: number;
  maxVUs?: number;
  stages?: Array<{ durationS: number; target: number }>;
  /** shared-iterations: requests in total; per-vu-iterations: requests per VU. */
  iterations?: number;
  /** Iteration executors end when their iterations are done, at the latest after this. */
  maxDurationS?: number;
  description: string;
}

/** One check's outcome over the measured window. */
export interface CheckCounts {
  passes: number;
  fails: number;
}

export interface RunResult {
  target: string;
  axes: TargetAxes;
  trial: number;
  status: RunStatus;
  error?: string;
  workload: Workload;
  durationS: number;
  requests: number;
  /** Responses with the expected status. */
  ok: number;
  errors: number;
  errorsByKind: Record<string, number>;
  /** Open model: arrivals that could not be sent because the in-flight cap was reached. */
  dropped: number;
  rps: number;
  latencyMs: LatencySummaryMs | null;
  histogram: string | null;
  byRequest: Record<string, RequestStats>;
  /** k6's checks per name (response predicates of the scenario); present when it has any. */
  checks?: Record<string, CheckCounts>;
  /** Target process-tree CPU (user+sys) over the measured window per successful request. */
  cpuMsPerRequest: number | null;
  targetCpuMs: { user: number; system: number } | null;
  rssMb: { peakTotal: number; processes: ProcessRss[] } | null;
  generator: GeneratorHealth;
  timeline: TimelinePoint[];
  /** Extra measurements some targets or scenarios add (event latency, backlog, ...). */
  extra?: Record<string, unknown>;
}

export interface EnvInfo {
  node: string;
  os: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  totalMemMb: number;
  gitCommit: string | null;
  archbenchVersion: string;
  options: Record<string, unknown>;
  /** What CPU placement was done (taskset), or why none was. */
  placement: string;
}

export interface ThresholdResult {
  metric: string;
  expression: string;
  target: string;
  ok: boolean;
  actual: number | null;
  detail?: string;
}

export type MetricKey = 'rps' | 'p50' | 'p90' | 'p99' | 'p999' | 'cpuMsPerRequest' | 'rssMb' | 'errorRate';

export interface ConfidenceInterval {
  lo: number;
  hi: number;
}

/** A median across trials with its 95% bootstrap interval. */
export interface TrialEstimate {
  median: number;
  ci: ConfidenceInterval;
  n: number;
}

export interface MetricAggregate extends TrialEstimate {
  /** The per-trial values the estimate came from, in trial order. */
  values: number[];
  /** This target over the baseline target (absent for the baseline itself; null when undefined). */
  ratio?: (TrialEstimate & { paired: boolean }) | null;
}

export interface TargetAggregate {
  target: string;
  trials: number;
  /** Trials with status ok: only these are aggregated. */
  usableTrials: number;
  generatorBoundTrials: number;
  dropped: number;
  metrics: Record<MetricKey, MetricAggregate | null>;
}

export interface Aggregates {
  confidence: number;
  resamples: number;
  baseline: string | null;
  targets: TargetAggregate[];
}

export interface Results {
  schemaVersion: typeof SCHEMA_VERSION;
  /** warmupLoad: absent in results written before it existed (they warmed up at the scenario's load). */
  scenario: { name: string; description: string; warmupS: number; warmupLoad?: 'scenario' | 'max'; seed: Record<string, number> };
  /** argv that reproduces the run. */
  command: string[];
  startedAt: string;
  finishedAt: string;
  /** `running` in a partial file: the harness had not finished when it was written (or was killed). */
  status: ResultsStatus;
  interrupted: boolean;
  /** Partial files only: the run that was under way. */
  inProgress?: RunInProgress;
  baseline: string | null;
  env: EnvInfo;
  skipped: Array<{ target: string; reason: string }>;
  runs: RunResult[];
  thresholds: ThresholdResult[];
  /** Statistics across trials (analysis/aggregate.ts); absent in files written before them. */
  aggregates?: Aggregates;
  /** Profiles recorded by `bench profile`, paths relative to the results folder. */
  profiles?: ProfileOutput[];
  /** Present when several generators' results were merged into this one (bench merge). */
  mergedFrom?: MergeSource[];
  /** Set on one side split out of an interleaved run (analysis/split.ts): what makes pairing trial i with trial i legitimate. Never written to results.json. */
  interleaved?: InterleavedSide;
}

/** One target's runs taken out of a run that measured several targets in rounds (A B A B ...). */
export interface InterleavedSide {
  /** startedAt of the run both sides came from. */
  runStartedAt: string;
  /** The target's name in that run (the side's runs may carry another). */
  target: string;
  /** Trial indices whose runs of every target of the run lay in one round, in run order. */
  rounds: number[];
}

export interface ProfileOutput {
  target: string;
  trial: number;
  tool: string;
  /** File or folder, relative to the results folder. */
  path: string;
}

// One interface for every load generator (closed, open, gRPC, ...). A runner drives load
// and returns data; it prints nothing. Progress goes out as events.
import type { Scenario, RequestContext, SeedSpec } from '../scenarios/define.js';
import type { SeedData } from './context.js';
import type { ExecutorConfig } from '../scenarios/executor.js';
import type { Histogram } from '../reports/histogram.js';
import type { TimelinePoint, Workload } from '../reports/results.js';

export interface LoadPlan {
  /** Base URL of the target, e.g. http://127.0.0.1:41234 */
  url: string;
  scenario: Scenario;
  /** The scenario's executor with command-line overrides applied. */
  executor: ExecutorConfig;
  context: RequestContext;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Worker threads for the generator, where the runner supports them. */
  threads?: number;
  /** Refuse sockets to non-loopback peers unless true (checked again at connect time). */
  allowRemote?: boolean;
  /** The seed data behind `context`, so generator threads can rebuild it. */
  contextSource?: SeedData & { runId: string };
}

export interface TickStats {
  elapsedMs: number;
  totalMs: number;
  requests: number;
  errors: number;
  /** Responses in the last second. */
  rps: number;
}

export interface RunEvents {
  tick?(stats: TickStats): void;
}

export interface RequestSample {
  requests: number;
  errors: number;
  histogram: Histogram;
}

/** What one measured (or warm-up) window produced. */
export interface Sample {
  durationMs: number;
  requests: number;
  ok: number;
  errors: number;
  errorsByKind: Record<string, number>;
  dropped: number;
  histogram: Histogram;
  byRequest: Map<string, RequestSample>;
  timeline: TimelinePoint[];
  /** Schedule lag of an open-model generator (intended vs actual send), microseconds. */
  lag?: Histogram;
  /** CPU used by generator worker threads or processes outside the harness process, ms. */
  externalCpuMs?: number;
  threads?: number;
}

export interface Runner {
  name: string;
  /** Why this runner cannot execute the plan, or null when it can. */
  unsupported(executor: ExecutorConfig, url: string): string | null;
  describe(executor: ExecutorConfig): Workload;
  run(plan: LoadPlan, signal: AbortSignal, events: RunEvents): Promise<Sample>;
  /** Creates the scenario's seed data over this runner's protocol; without it the harness seeds through the public HTTP API. */
  seed?(url: string, spec: SeedSpec, runId: string, signal: AbortSignal, allowRemote: boolean): Promise<SeedData>;
}

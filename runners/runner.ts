// One interface for every load generator (closed, open, gRPC, ...). A runner drives load
// and returns data; it prints nothing. Progress goes out as events.
import type { Scenario } from '../scenarios/define.js';
import type { SeedData } from './engine/context.js';
import type { ExecutorConfig } from '../scenarios/executor.js';
import type { Workload } from '../record/results.js';
import type { Sample } from '../record/sample.js';

export type { RequestSample, Sample } from '../record/sample.js';

export interface LoadPlan {
  /** Base URL of the target, e.g. http://127.0.0.1:41234 */
  url: string;
  scenario: Scenario;
  /** The scenario's executor with command-line overrides applied. */
  executor: ExecutorConfig;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Worker threads for the generator, where the runner supports them. */
  threads?: number;
  /** Refuse sockets to non-loopback peers unless true (checked again at connect time). */
  allowRemote?: boolean;
  /** Built-in scenario name or file path: generator threads load the scenario again from it (its requests are functions). Absent: the runner stays on this thread. */
  scenarioSource?: string;
  /** What seeding created; each runner (and thread) builds its own request context from it. */
  seed: SeedData;
  /** Unique per trial: unique() values and seeded emails carry it. */
  runId: string;
}

export interface TickStats {
  elapsedMs: number;
  totalMs: number;
  requests: number;
  errors: number;
  /** Responses in the last second. */
  rps: number;
  /** Requests sent and not answered yet (absent when the runner cannot tell). */
  inFlight?: number;
}

export interface RunEvents {
  tick?(stats: TickStats): void;
}


export interface Runner {
  name: string;
  /** Why this runner cannot execute the plan, or null when it can. */
  unsupported(executor: ExecutorConfig, url: string): string | null;
  describe(executor: ExecutorConfig): Workload;
  run(plan: LoadPlan, signal: AbortSignal, events: RunEvents): Promise<Sample>;
}

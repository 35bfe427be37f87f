// Workload models in k6's vocabulary, so a scenario states its model once whatever runner
// executes it. Closed: VUs loop request -> response. Open: arrivals at a rate regardless of responses.
import type { Duration } from '../common/duration.js';

export interface Stage {
  duration: Duration;
  target: number;
}

export interface ConstantVus {
  type: 'constant-vus';
  vus: number;
  duration: Duration;
}

export interface RampingVus {
  type: 'ramping-vus';
  startVUs?: number;
  stages: Stage[];
}

export interface ConstantArrivalRate {
  type: 'constant-arrival-rate';
  /** Arrivals per timeUnit. */
  rate: number;
  timeUnit?: Duration;
  duration: Duration;
  /** Requests in flight at start; maxVUs is the cap beyond which arrivals are dropped. */
  preAllocatedVUs: number;
  maxVUs?: number;
}

export interface RampingArrivalRate {
  type: 'ramping-arrival-rate';
  startRate?: number;
  timeUnit?: Duration;
  stages: Stage[];
  preAllocatedVUs: number;
  maxVUs?: number;
}

/** k6's shared-iterations: `iterations` requests in total, taken by `vus` VUs as they free up; ends at maxDuration at the latest. */
export interface SharedIterations {
  type: 'shared-iterations';
  vus?: number;
  iterations?: number;
  maxDuration?: Duration;
}

/** k6's per-vu-iterations: each of `vus` VUs sends exactly `iterations` requests; ends at maxDuration at the latest. */
export interface PerVuIterations {
  type: 'per-vu-iterations';
  vus?: number;
  iterations?: number;
  maxDuration?: Duration;
}

export type ExecutorConfig = ConstantVus | RampingVus | ConstantArrivalRate | RampingArrivalRate | SharedIterations | PerVuIterations;

/** k6's defaults for the iteration executors. */
export const ITERATION_DEFAULTS = { vus: 1, iterations: 1, maxDuration: '10m' } as const;
export type ExecutorType = ExecutorConfig['type'];

export const EXECUTOR_TYPES: readonly ExecutorType[] = [
  'constant-vus',
  'ramping-vus',
  'constant-arrival-rate',
  'ramping-arrival-rate',
  'shared-iterations',
  'per-vu-iterations',
];

export function isOpenModel(e: ExecutorConfig): boolean {
  return e.type === 'constant-arrival-rate' || e.type === 'ramping-arrival-rate';
}

/** The executor's total duration, stages included. */
export function executorDurationMs(e: ExecutorConfig, parse: (d: string | number) => number): number {
  switch (e.type) {
    case 'constant-vus':
    case 'constant-arrival-rate':
      return parse(e.duration);
    case 'ramping-vus':
    case 'ramping-arrival-rate':
      return e.stages.reduce((sum, s) => sum + parse(s.duration), 0);
    case 'shared-iterations':
    case 'per-vu-iterations':
      // The most they may last; they end as soon as their iterations are done.
      return parse(e.maxDuration ?? ITERATION_DEFAULTS.maxDuration);
  }
}

/**
 * How hard the warm-up drives the target. 'scenario': the scenario's own load. 'max': as fast
 * as the scenario's most VUs (or most requests in flight) go, closed model. V8 tiers code up
 * by invocation count, not by time: at 1000 arrivals/s a fastify target still sheds CPU per
 * request 10 s in, so a short warm-up at the scenario's rate leaves each trial at another point
 * of that decay. Not for queue-backed targets: a saturating warm-up leaves a backlog behind.
 */
export type WarmupLoad = 'scenario' | 'max';
export const WARMUP_LOADS: readonly WarmupLoad[] = ['scenario', 'max'];

/** The most VUs (closed) or requests in flight (open) the executor allows at once. */
export function maxVusOf(e: ExecutorConfig): number {
  switch (e.type) {
    case 'constant-vus':
      return e.vus;
    case 'ramping-vus':
      return Math.max(e.startVUs ?? 0, ...e.stages.map((s) => s.target));
    case 'shared-iterations':
    case 'per-vu-iterations':
      return e.vus ?? ITERATION_DEFAULTS.vus;
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate':
      return e.maxVUs ?? e.preAllocatedVUs;
  }
}

/** The load of a warm-up of `ms`: the same load held constant (ramps at their first stage's level), or the closed-model maximum. */
export function warmupExecutor(e: ExecutorConfig, ms: number, load: WarmupLoad = 'scenario'): ExecutorConfig {
  const duration = `${Math.max(1, Math.round(ms))}ms`;
  if (load === 'max') return { type: 'constant-vus', vus: Math.max(1, maxVusOf(e)), duration };
  switch (e.type) {
    case 'constant-vus':
    case 'constant-arrival-rate':
      return { ...e, duration };
    case 'ramping-vus':
      return { type: 'constant-vus', vus: Math.max(1, e.stages[0]?.target ?? e.startVUs ?? 1), duration };
    // A warm-up is timed, not counted: its VUs loop for the warm-up's length.
    case 'shared-iterations':
    case 'per-vu-iterations':
      return { type: 'constant-vus', vus: maxVusOf(e), duration };
    case 'ramping-arrival-rate':
      return {
        type: 'constant-arrival-rate',
        rate: Math.max(1, e.stages[0]?.target ?? e.startRate ?? 1),
        ...(e.timeUnit !== undefined ? { timeUnit: e.timeUnit } : {}),
        duration,
        preAllocatedVUs: e.preAllocatedVUs,
        ...(e.maxVUs !== undefined ? { maxVUs: e.maxVUs } : {}),
      };
  }
}

// Workload models in k6's vocabulary, so a scenario states its model once whatever runner
// executes it. Closed: VUs loop request -> response. Open: arrivals at a rate regardless of responses.
import type { Duration } from './duration.js';

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

export type ExecutorConfig = ConstantVus | RampingVus | ConstantArrivalRate | RampingArrivalRate;
export type ExecutorType = ExecutorConfig['type'];

export const EXECUTOR_TYPES: readonly ExecutorType[] = [
  'constant-vus',
  'ramping-vus',
  'constant-arrival-rate',
  'ramping-arrival-rate',
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
  }
}

/** The same load held constant for a warm-up of `ms` (ramps warm up at their first stage's level). */
export function warmupExecutor(e: ExecutorConfig, ms: number): ExecutorConfig {
  const duration = `${Math.max(1, Math.round(ms))}ms`;
  switch (e.type) {
    case 'constant-vus':
    case 'constant-arrival-rate':
      return { ...e, duration };
    case 'ramping-vus':
      return { type: 'constant-vus', vus: Math.max(1, e.stages[0]?.target ?? e.startVUs ?? 1), duration };
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

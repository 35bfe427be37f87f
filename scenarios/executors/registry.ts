// The explicit list of executors. `bench run` validates a scenario's executor here before
// anything starts, whatever runner will execute it.
import { EXECUTOR_TYPES, type ExecutorConfig } from '../executor.js';
import { constantArrivalRate } from './constant-arrival-rate.js';
import { constantVus } from './constant-vus.js';
import type { AnyExecutorDefinition, ExecutorDefinition } from './definition.js';
import { rampingArrivalRate } from './ramping-arrival-rate.js';
import { perVuIterations } from './per-vu-iterations.js';
import { rampingVus } from './ramping-vus.js';
import { sharedIterations } from './shared-iterations.js';

export const executors: readonly AnyExecutorDefinition[] = [constantVus, rampingVus, constantArrivalRate, rampingArrivalRate, sharedIterations, perVuIterations];

function definitionOf(config: ExecutorConfig): ExecutorDefinition | undefined {
  return executors.find((d) => d.type === config.type) as ExecutorDefinition | undefined;
}

/** Every problem with an executor config (possibly from a user's file, so not trusted). */
export function validateExecutor(config: unknown): string[] {
  if (!config || typeof config !== 'object') return [`executor must be an object with a type (one of ${EXECUTOR_TYPES.join(', ')})`];
  const def = definitionOf(config as ExecutorConfig);
  if (!def) {
    return [`executor.type "${String((config as { type?: unknown }).type)}" is unknown; valid: ${EXECUTOR_TYPES.join(', ')}`];
  }
  return def.validate(config as ExecutorConfig);
}

export function describeExecutor(config: ExecutorConfig): string {
  return definitionOf(config)?.describe(config) ?? config.type;
}

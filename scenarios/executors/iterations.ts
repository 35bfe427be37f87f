// What shared-iterations and per-vu-iterations share (k6's iteration-based executors):
// vus, iterations and maxDuration with k6's defaults and k6's validation messages.
import { ITERATION_DEFAULTS, type PerVuIterations, type SharedIterations } from '../executor.js';
import { parseDurationMs } from '../../common/duration.js';
import { MAX_DURATION_MS, durationProblem, showDuration } from './checks.js';

/** k6 refuses a maxDuration under one second (minDuration in lib/executor/helpers.go). */
const MIN_MAX_DURATION_MS = 1000;

export function iterationSettings(e: SharedIterations | PerVuIterations): { vus: number; iterations: number; maxDuration: string | number } {
  return { vus: e.vus ?? ITERATION_DEFAULTS.vus, iterations: e.iterations ?? ITERATION_DEFAULTS.iterations, maxDuration: e.maxDuration ?? ITERATION_DEFAULTS.maxDuration };
}

/** Problems every iteration executor can have: VUs, whole numbers, maxDuration. */
export function iterationProblems(e: SharedIterations | PerVuIterations): string[] {
  const { vus, iterations, maxDuration } = iterationSettings(e);
  const problems: string[] = [];
  if (!Number.isInteger(vus)) problems.push(`vus must be a whole number, got ${JSON.stringify(vus)}`);
  else if (vus <= 0) problems.push('the number of VUs must be more than 0');
  if (!Number.isInteger(iterations)) problems.push(`iterations must be a whole number, got ${JSON.stringify(iterations)}`);
  const d = durationProblem('maxDuration', maxDuration, { min: 0 });
  if (d) problems.push(d);
  else if (parseDurationMs(maxDuration) < MIN_MAX_DURATION_MS) problems.push('the maxDuration must be more than 1s');
  else if (parseDurationMs(maxDuration) > MAX_DURATION_MS) problems.push('the maxDuration must be at most 24h');
  return problems;
}

export function describeIterations(e: SharedIterations | PerVuIterations, what: string): string {
  const { vus, maxDuration } = iterationSettings(e);
  return `closed model: ${what} on ${vus} connection${vus === 1 ? '' : 's'}, each waits for its response; at most ${showDuration(maxDuration)}`;
}

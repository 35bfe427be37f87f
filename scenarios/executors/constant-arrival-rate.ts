// Open model: `rate` arrivals per `timeUnit` for `duration`, whatever the responses do.
// At most maxVUs requests in flight; an arrival beyond that is dropped and counted.
import type { ConstantArrivalRate } from '../executor.js';
import { MAX_RATE, MAX_VUS, defined, durationProblem, intProblem, numberProblem, perSecond, showDuration } from './checks.js';
import type { ExecutorDefinition } from './definition.js';

export const constantArrivalRate: ExecutorDefinition<ConstantArrivalRate> = {
  type: 'constant-arrival-rate',
  model: 'open',
  validate(e) {
    const problems = defined([
      e.rate === 0 ? 'rate must be above 0 (arrivals per timeUnit)' : numberProblem('rate', e.rate, 0, MAX_RATE),
      durationProblem('timeUnit', e.timeUnit, { required: false }),
      durationProblem('duration', e.duration),
      intProblem('preAllocatedVUs', e.preAllocatedVUs, 1, MAX_VUS),
      intProblem('maxVUs', e.maxVUs, 1, MAX_VUS, false),
    ]);
    if (problems.length === 0 && e.maxVUs !== undefined && e.maxVUs < e.preAllocatedVUs) {
      problems.push(`maxVUs (${e.maxVUs}) must be >= preAllocatedVUs (${e.preAllocatedVUs})`);
    }
    return problems;
  },
  describe(e) {
    const rps = perSecond(e.rate, e.timeUnit);
    return `open model: ${+rps.toFixed(3)} arrivals/s for ${showDuration(e.duration)}, latency from the intended send time, at most ${e.maxVUs ?? e.preAllocatedVUs} in flight (more are dropped)`;
  },
};

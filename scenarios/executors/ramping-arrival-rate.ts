// Open model with a changing rate: linear ramps between stage targets (arrivals per timeUnit).
import type { RampingArrivalRate } from '../executor.js';
import { parseDurationMs } from '../../common/duration.js';
import { MAX_RATE, MAX_VUS, defined, durationProblem, intProblem, numberProblem, perSecond, stageProblems, showDuration } from './checks.js';
import type { ExecutorDefinition } from './definition.js';

export const rampingArrivalRate: ExecutorDefinition<RampingArrivalRate> = {
  type: 'ramping-arrival-rate',
  model: 'open',
  validate(e) {
    const problems = defined([
      numberProblem('startRate', e.startRate, 0, MAX_RATE, false),
      durationProblem('timeUnit', e.timeUnit, { required: false }),
      intProblem('preAllocatedVUs', e.preAllocatedVUs, 1, MAX_VUS),
      intProblem('maxVUs', e.maxVUs, 1, MAX_VUS, false),
    ]);
    problems.push(...stageProblems(e.stages, MAX_RATE, false));
    if (problems.length === 0 && e.maxVUs !== undefined && e.maxVUs < e.preAllocatedVUs) {
      problems.push(`maxVUs (${e.maxVUs}) must be >= preAllocatedVUs (${e.preAllocatedVUs})`);
    }
    return problems;
  },
  describe(e) {
    const unit = e.timeUnit ?? '1s';
    const steps = e.stages.map((s) => `${+perSecond(s.target, unit).toFixed(3)}/s over ${showDuration(s.duration)}`).join(', then ');
    const totalS = e.stages.reduce((t, s) => t + parseDurationMs(s.duration), 0) / 1000;
    return `open model: from ${+perSecond(e.startRate ?? 0, unit).toFixed(3)} arrivals/s ramping to ${steps} (${totalS} s), latency from the intended send time, at most ${e.maxVUs ?? e.preAllocatedVUs} in flight`;
  },
};

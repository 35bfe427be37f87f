// Closed model with a changing number of connections, interpolated linearly between stage targets.
import type { RampingVus } from '../executor.js';
import { MAX_VUS, defined, intProblem, stageProblems, showDuration } from './checks.js';
import type { ExecutorDefinition } from './definition.js';

export const rampingVus: ExecutorDefinition<RampingVus> = {
  type: 'ramping-vus',
  model: 'closed',
  validate(e) {
    const problems = defined([intProblem('startVUs', e.startVUs, 0, MAX_VUS, false)]);
    problems.push(...stageProblems(e.stages, MAX_VUS, true));
    if (problems.length === 0 && Math.max(e.startVUs ?? 0, ...e.stages.map((s) => s.target)) === 0) {
      problems.push('ramping-vus needs at least one stage target or startVUs above 0');
    }
    return problems;
  },
  describe(e) {
    const steps = e.stages.map((s) => `${s.target} over ${showDuration(s.duration)}`).join(', then ');
    return `closed model: from ${e.startVUs ?? 0} connections ramping to ${steps}, each waits for its response`;
  },
};

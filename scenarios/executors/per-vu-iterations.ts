// Closed model, k6's per-vu-iterations: each VU sends exactly `iterations` requests, so the
// total is vus * iterations however fast each VU is. Ends when every VU is done.
import type { PerVuIterations } from '../executor.js';
import type { ExecutorDefinition } from './definition.js';
import { describeIterations, iterationProblems, iterationSettings } from './iterations.js';

export const perVuIterations: ExecutorDefinition<PerVuIterations> = {
  type: 'per-vu-iterations',
  model: 'closed',
  validate(e) {
    const problems = iterationProblems(e);
    if (Number.isInteger(e.iterations ?? 1) && iterationSettings(e).iterations <= 0) problems.push('the number of iterations must be more than 0');
    return problems;
  },
  describe(e) {
    const { vus, iterations } = iterationSettings(e);
    return describeIterations(e, `${iterations} requests per VU (${vus * iterations} in total)`);
  },
};

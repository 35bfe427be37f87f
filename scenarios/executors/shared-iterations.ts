// Closed model, k6's shared-iterations: `iterations` requests in total, each VU takes the next
// one when its previous response arrives, so faster VUs send more. Ends when all are done.
import type { SharedIterations } from '../executor.js';
import type { ExecutorDefinition } from './definition.js';
import { describeIterations, iterationProblems, iterationSettings } from './iterations.js';

export const sharedIterations: ExecutorDefinition<SharedIterations> = {
  type: 'shared-iterations',
  model: 'closed',
  validate(e) {
    const problems = iterationProblems(e);
    const { vus, iterations } = iterationSettings(e);
    if (iterations < vus) problems.push(`the number of iterations (${iterations}) can't be less than the number of VUs (${vus})`);
    return problems;
  },
  describe(e) {
    return describeIterations(e, `${iterationSettings(e).iterations} requests shared`);
  },
};

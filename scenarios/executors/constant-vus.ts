// Closed model: `vus` connections, each sends its next request when the previous response arrives.
import type { ConstantVus } from '../executor.js';
import { MAX_VUS, defined, durationProblem, intProblem, showDuration } from './checks.js';
import type { ExecutorDefinition } from './definition.js';

export const constantVus: ExecutorDefinition<ConstantVus> = {
  type: 'constant-vus',
  model: 'closed',
  validate(e) {
    return defined([intProblem('vus', e.vus, 1, MAX_VUS), durationProblem('duration', e.duration)]);
  },
  describe(e) {
    return `closed model: ${e.vus} connections for ${showDuration(e.duration)}, each waits for its response`;
  },
};

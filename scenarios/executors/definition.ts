// One executor = one workload model in k6's vocabulary. Each file validates its own config
// (returning every problem at once, like k6's Validate()) and describes it for humans.
import type { ExecutorConfig, ExecutorType } from '../executor.js';

export interface ExecutorDefinition<T extends ExecutorConfig = ExecutorConfig> {
  type: T['type'];
  model: 'open' | 'closed';
  /** Every problem with the config, empty when it is valid. */
  validate(config: T): string[];
  /** A human sentence, like k6's GetDescription(). */
  describe(config: T): string;
}

export type AnyExecutorDefinition = { [K in ExecutorType]: ExecutorDefinition<Extract<ExecutorConfig, { type: K }>> }[ExecutorType];

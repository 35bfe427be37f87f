// The gRPC runner (ghz's job): unary calls from a scenario's gRPC requests against a grpc://
// target, under any executor. It is the open runner's engine (schedule, open and
// closed loops, generator threads, exact histogram merging) with grpc-js channels as the client.
import type { ExecutorConfig } from '../../scenarios/executor.js';
import type { LoadPlan, RunEvents, Runner, Sample } from '../runner.js';
import { validateExecutor } from '../../scenarios/executors/registry.js';
import { describeWorkload, openRunner } from '../open/index.js';
import { MAX_CHANNELS } from './pool-size.js';

export const grpcRunner: Runner = {
  name: 'grpc',

  unsupported(executor: ExecutorConfig, url: string): string | null {
    if (!url.startsWith('grpc://')) return 'the grpc runner loads grpc:// targets only';
    const problems = validateExecutor(executor);
    return problems.length ? problems.join('; ') : null;
  },

  describe: (e: ExecutorConfig) => describeWorkload(e, 'grpc', `@grpc/grpc-js, up to ${MAX_CHANNELS} channels per generator thread`),

  run(plan: LoadPlan, signal: AbortSignal, events: RunEvents): Promise<Sample> {
    // The engine picks the grpc client from the scenario's requests (runners/protocols.ts).
    return openRunner.run(plan, signal, events);
  },
};

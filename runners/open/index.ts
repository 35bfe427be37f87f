// The open runner: every executor (open and closed) on keep-alive HTTP/1.1 (the lean h1
// transport, undici for https; see http-client.ts), in-process or over
// --generator-threads worker threads. Returns data and emits ticks; prints nothing.
import type { Workload } from '../../record/results.js';
import { parseDurationMs } from '../../common/duration.js';
import { executorDurationMs, isOpenModel, maxVusOf, type ExecutorConfig } from '../../scenarios/executor.js';
import type { LoadPlan, RunEvents, Runner, Sample } from '../runner.js';
import { openShareSession, runShare } from '../engine/engine.js';
import { describeExecutor, validateExecutor } from '../../scenarios/executors/registry.js';
import { runThreads, threadable } from '../engine/threads.js';
import { requestContext } from '../engine/context.js';
import { iterationSettings } from '../../scenarios/executors/iterations.js';

export const openRunner: Runner = {
  name: 'open',

  unsupported(executor: ExecutorConfig, url: string): string | null {
    if (!/^https?:/.test(url)) return 'the open runner speaks HTTP only';
    const problems = validateExecutor(executor);
    return problems.length ? problems.join('; ') : null;
  },

  describe: (e: ExecutorConfig): Workload => describeWorkload(e, 'open', 'keep-alive HTTP/1.1'),

  async run(plan: LoadPlan, signal: AbortSignal, events: RunEvents): Promise<Sample> {
    const totalMs = executorDurationMs(plan.executor, parseDurationMs);
    const threads = Math.max(1, plan.threads ?? 1);
    // Even one generator thread runs off the harness's main thread when it can, so that the
    // harness's own work (/proc sampling, progress, partial results) never delays a send.
    if (threads > 1 || threadable(plan)) return runThreads(plan, threads, signal, events, totalMs);
    const session = await openShareSession({
      url: plan.url,
      executor: plan.executor,
      scenario: plan.scenario,
      context: requestContext(plan.seed, plan.runId),
      timeoutMs: plan.timeoutMs,
      allowRemote: plan.allowRemote === true,
      index: 0,
      count: 1,
    });
    const started = performance.now();
    let last = 0;
    const out = await runShare(
      {
        executor: plan.executor,
        session,
        index: 0,
        count: 1,
        onTick: (requests, errors, inFlight) => {
          events.tick?.({ elapsedMs: performance.now() - started, totalMs, requests, errors, rps: requests - last, inFlight });
          last = requests;
        },
      },
      signal,
    );
    return out.recorder.finish(out.durationMs, { threads: 1, ...(isOpenModel(plan.executor) ? { lag: out.lag } : {}) });
  },
};

/** The workload as results record it, for any runner built on these loops. */
export function describeWorkload(e: ExecutorConfig, runner: string, via: string): Workload {
  const base = { executor: e.type, runner, description: `${describeExecutor(e)} (${via})` };
  switch (e.type) {
    case 'constant-vus':
      return { ...base, model: 'closed', connections: e.vus };
    case 'ramping-vus':
      return { ...base, model: 'closed', connections: maxVusOf(e), stages: e.stages.map((s) => ({ durationS: parseDurationMs(s.duration) / 1000, target: s.target })) };
    case 'constant-arrival-rate':
      return { ...base, model: 'open', rate: e.rate, timeUnitS: parseDurationMs(e.timeUnit ?? '1s') / 1000, maxVUs: maxVusOf(e) };
    case 'ramping-arrival-rate':
      return {
        ...base,
        model: 'open',
        timeUnitS: parseDurationMs(e.timeUnit ?? '1s') / 1000,
        maxVUs: maxVusOf(e),
        stages: e.stages.map((s) => ({ durationS: parseDurationMs(s.duration) / 1000, target: s.target })),
      };
    case 'shared-iterations':
    case 'per-vu-iterations': {
      const { vus, iterations, maxDuration } = iterationSettings(e);
      return { ...base, model: 'closed', connections: vus, iterations, maxDurationS: parseDurationMs(maxDuration) / 1000 };
    }
  }
}

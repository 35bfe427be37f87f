// One generator thread's share of a plan: connections, the loop for the executor's model,
// and a progress tick. Used in-process (1 thread) and inside each generator worker thread.
import { isOpenModel, type ExecutorConfig } from '../../scenarios/executor.js';
import { monoMs } from '../../common/precise-wake.js';
import { Recorder } from '../recorder.js';
import type { RequestMix } from '../request-mix.js';
import { runClosedLoop } from './closed-loop.js';
import { httpClient } from './http-client.js';
import { runOpenLoop, type LoopOutcome } from './open-loop.js';
import { maxVusOf, shareOf } from './schedule.js';

export interface ShareOptions {
  url: string;
  executor: ExecutorConfig;
  mix: RequestMix;
  timeoutMs: number;
  allowRemote: boolean;
  index: number;
  count: number;
  startAtMs?: number;
  /** Called every second with the responses and errors so far. */
  onTick?: (requests: number, errors: number) => void;
}

export async function runShare(o: ShareOptions, signal: AbortSignal): Promise<LoopOutcome> {
  const connections = Math.max(1, shareOf(maxVusOf(o.executor), o.index, o.count));
  const client = httpClient(o.url, { connections, timeoutMs: o.timeoutMs, allowRemote: o.allowRemote });
  const recorder = new Recorder(o.mix.names);
  const ticker = o.onTick ? setInterval(() => o.onTick!(recorder.requests, recorder.errors), 1000) : undefined;
  ticker?.unref();
  try {
    const start = o.startAtMs ?? monoMs();
    return isOpenModel(o.executor)
      ? await runOpenLoop(o.executor, o.mix, client, { index: o.index, count: o.count, maxInFlight: connections }, recorder, signal, start)
      : await runClosedLoop(o.executor, o.mix, client, { index: o.index, count: o.count }, recorder, signal, start);
  } finally {
    clearInterval(ticker);
    await client.close();
  }
}

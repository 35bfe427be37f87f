// One generator thread's share of a plan: connections, the loop for the executor's model,
// and a progress tick. Used in-process (1 thread) and inside each generator worker thread.
import { isOpenModel, maxVusOf, type ExecutorConfig } from '../../scenarios/executor.js';
import { monoMs } from '../../common/precise-wake.js';
import { Recorder } from './recorder.js';
import type { RequestContext, Scenario } from '../../scenarios/define.js';
import type { LoadClient, LoadSession, PreparedCall } from './load-client.js';
import { protocolFor } from '../protocols.js';
import { runClosedLoop } from './closed-loop.js';
import { runOpenLoop, type LoopOutcome } from './open-loop.js';
import { shareOf } from './schedule.js';

export interface ShareOptions {
  executor: ExecutorConfig;
  /** This share's mix and client (openShareSession), closed when the share ends. */
  session: LoadSession;
  index: number;
  count: number;
  startAtMs?: number;
  /** Called every second with the responses and errors so far and the requests in flight. */
  onTick?: (requests: number, errors: number, inFlight: number) => void;
}

export async function runShare(o: ShareOptions, signal: AbortSignal): Promise<LoopOutcome> {
  const connections = shareConnections(o.executor, o.index, o.count);
  const { mix, statusKind } = o.session;
  // Counted around the client, so both loops report what is in flight without keeping score.
  let inFlight = 0;
  const client: LoadClient<PreparedCall> = {
    send: (call, done) => {
      inFlight++;
      o.session.client.send(call, (status, err, body) => {
        inFlight--;
        done(status, err, body);
      });
    },
    close: () => o.session.client.close(),
  };
  const recorder = new Recorder(mix.names, statusKind);
  const ticker = o.onTick ? setInterval(() => o.onTick!(recorder.requests, recorder.errors, inFlight), 1000) : undefined;
  ticker?.unref();
  try {
    const start = o.startAtMs ?? monoMs();
    return isOpenModel(o.executor)
      ? await runOpenLoop(o.executor, mix, client, { index: o.index, count: o.count, maxInFlight: connections }, recorder, signal, start)
      : await runClosedLoop(o.executor, mix, client, { index: o.index, count: o.count }, recorder, signal, start);
  } finally {
    clearInterval(ticker);
    await client.close();
  }
}

/** Connections (or calls in flight) one share needs: its part of the executor's VUs. */
export function shareConnections(executor: ExecutorConfig, index: number, count: number): number {
  return Math.max(1, shareOf(maxVusOf(executor), index, count));
}

export interface SessionOptions {
  url: string;
  executor: ExecutorConfig;
  scenario: Scenario;
  context: RequestContext;
  timeoutMs: number;
  allowRemote: boolean;
  index: number;
  count: number;
}

/** The mix and client of one share, in the scenario's protocol; connected before the start signal where the protocol can. */
export async function openShareSession(o: SessionOptions): Promise<LoadSession> {
  const protocol = await protocolFor(o.scenario);
  const session = await protocol.open(o.url, o.scenario, o.context, { connections: shareConnections(o.executor, o.index, o.count), timeoutMs: o.timeoutMs, allowRemote: o.allowRemote });
  if (session.client.connect) {
    // Bounded: a peer that never answers the handshake shows as request timeouts in the window.
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, o.timeoutMs)));
    await Promise.race([session.client.connect(preconnectCount(o.executor, o.index, o.count)), bound]);
    clearTimeout(timer);
  }
  return session;
}

/** Connections opened before the window: every VU of a closed share; an open share's preAllocatedVUs. */
export function preconnectCount(executor: ExecutorConfig, index: number, count: number): number {
  const all = shareConnections(executor, index, count);
  if (executor.type === 'constant-arrival-rate' || executor.type === 'ramping-arrival-rate') {
    return Math.min(all, Math.max(1, shareOf(executor.preAllocatedVUs, index, count)));
  }
  return all;
}

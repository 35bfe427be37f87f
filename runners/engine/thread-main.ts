// Entry of one generator worker thread: rebuild the scenario and its request context, wait for
// the common start time, run this thread's share, send back encoded histograms.
import { parentPort, workerData } from 'node:worker_threads';
import { requestContext } from './context.js';
import { encodeHistogram } from '../../record/histogram.js';
import { loadScenarioSource } from '../../scenarios/source.js';
import { openShareSession, runShare } from './engine.js';
import type { FromThread, ThreadInit, ToThread } from './thread-protocol.js';
import { threadCpuMs, threadCpuPct } from './thread-cpu.js';
import { raiseThreadPriority } from '../../common/thread-priority.js';

const init = workerData as ThreadInit;
const port = parentPort!;
const post = (m: FromThread) => port.postMessage(m);
const controller = new AbortController();

async function main(): Promise<void> {
  raiseThreadPriority();
  const scenario = await loadScenarioSource(init.scenario);
  const context = requestContext(init.seed, `${init.runId}t${init.index}`);
  // Connected before 'ready', so connection set-up never eats into the measured window.
  const session = await openShareSession({
    url: init.url,
    executor: init.executor,
    scenario,
    context,
    timeoutMs: init.timeoutMs,
    allowRemote: init.allowRemote,
    index: init.index,
    count: init.count,
  });
  const startAtMs = await new Promise<number>((resolve) => {
    port.on('message', (m: ToThread) => {
      if (m.type === 'start') resolve(m.startAtMs);
      if (m.type === 'abort') controller.abort();
    });
    post({ type: 'ready' });
  });
  const cpuFrom = threadCpuMs();
  const wallFrom = performance.now();
  const out = await runShare(
    {
      executor: init.executor,
      session,
      index: init.index,
      count: init.count,
      startAtMs,
      onTick: (requests, errors, inFlight) => post({ type: 'tick', requests, errors, inFlight }),
    },
    controller.signal,
  );
  post({ type: 'done', recorder: out.recorder.toWire(), lag: encodeHistogram(out.lag), durationMs: out.durationMs, cpuPct: threadCpuPct(cpuFrom, performance.now() - wallFrom) });
}

main().then(
  () => port.close(),
  (err: unknown) => {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    port.close();
  },
);

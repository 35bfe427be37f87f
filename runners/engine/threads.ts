// --generator-threads N: N worker threads each drive 1/N of the plan (every Nth arrival, or
// 1/N of the VUs) from one common start time, and send back encoded histograms that merge
// exactly into one Sample.
import { Worker } from 'node:worker_threads';
import { createHistogram, decodeHistogram } from '../../record/histogram.js';
import { isOpenModel } from '../../scenarios/executor.js';
import { monoMs } from '../../common/precise-wake.js';
import { childEntry } from '../../common/module-entry.js';
import { Recorder } from './recorder.js';
import type { LoadPlan, RunEvents, Sample } from '../runner.js';
import type { FromThread, ThreadInit, ToThread } from './thread-protocol.js';

const START_LEAD_MS = 20;

/** Whether worker threads can load this plan's scenario again (a built-in or a file). */
export function threadable(plan: LoadPlan): boolean {
  return plan.scenarioSource !== undefined;
}

export async function runThreads(plan: LoadPlan, threads: number, signal: AbortSignal, events: RunEvents, totalMs: number): Promise<Sample> {
  const scenario = plan.scenarioSource;
  if (!scenario) throw new Error('generator threads need a scenario loadable by name or file; run with --generator-threads 1');
  const entry = childEntry(import.meta.url, './thread-main.js');
  const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const workers = Array.from({ length: threads }, (_, index) => {
    const init: ThreadInit = {
      url: plan.url,
      executor: plan.executor,
      timeoutMs: plan.timeoutMs,
      allowRemote: plan.allowRemote === true,
      scenario,
      seed: plan.seed,
      runId: plan.runId,
      index,
      count: threads,
    };
    return new Worker(entry, { workerData: init, execArgv });
  });
  const send = (m: ToThread) => workers.forEach((w) => w.postMessage(m));
  const recorder = new Recorder(plan.scenario.requests.map((r) => r.name));
  const lag = createHistogram();
  const ticks = workers.map(() => ({ requests: 0, errors: 0, inFlight: 0 }));
  let ready = 0;
  let done = 0;
  let durationMs = 0;
  const cpuPct: Array<number | null> = workers.map(() => null);
  let startedAt = 0;
  let lastTickRequests = 0;

  try {
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => send({ type: 'abort' });
      // Already aborted (Ctrl-C during warm-up): the listener would never fire; the threads
      // queue the message and stop as soon as they start.
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      const fail = (err: Error) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      };
      workers.forEach((w, i) => {
        w.on('error', fail);
        w.on('exit', (code) => {
          if (code !== 0 && done < threads) fail(new Error(`generator thread ${i} exited with code ${code}`));
        });
        w.on('message', (m: FromThread) => {
          switch (m.type) {
            case 'ready':
              if (++ready === threads) {
                const startAtMs = monoMs() + START_LEAD_MS;
                startedAt = startAtMs;
                recorder.start(performance.now() + START_LEAD_MS);
                send({ type: 'start', startAtMs });
              }
              break;
            case 'tick': {
              ticks[i] = { requests: m.requests, errors: m.errors, inFlight: m.inFlight };
              // Report once per round of ticks, from the first thread.
              if (i !== 0) break;
              const requests = ticks.reduce((s, t) => s + t.requests, 0);
              events.tick?.({
                elapsedMs: monoMs() - startedAt,
                totalMs,
                requests,
                errors: ticks.reduce((s, t) => s + t.errors, 0),
                inFlight: ticks.reduce((s, t) => s + t.inFlight, 0),
                rps: requests - lastTickRequests,
              });
              lastTickRequests = requests;
              break;
            }
            case 'done':
              recorder.absorb(m.recorder);
              lag.add(decodeHistogram(m.lag));
              durationMs = Math.max(durationMs, m.durationMs);
              cpuPct[i] = m.cpuPct;
              if (++done === threads) {
                signal.removeEventListener('abort', onAbort);
                resolve();
              }
              break;
            case 'error':
              fail(new Error(`generator thread ${i}: ${m.message}`));
              break;
          }
        });
      });
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  const threadCpuPct = cpuPct.every((p): p is number => p !== null) ? { threadCpuPct: cpuPct } : {};
  return recorder.finish(durationMs, { threads, ...threadCpuPct, ...(isOpenModel(plan.executor) ? { lag } : {}) });
}

// Open model: arrivals at their scheduled times whatever the responses do. Latency counts
// from the intended send time (no coordinated omission). When the loop is late it sends at
// once and records how late (schedule lag); when maxVUs requests are already in flight the
// arrival is dropped and counted, like k6's dropped_iterations.
import { createHistogram, recordUs, type Histogram } from '../../record/histogram.js';
import type { ExecutorConfig } from '../../scenarios/executor.js';
import { PreciseWake, monoMs, wakeSpinUs } from '../../common/precise-wake.js';
import { Recorder, errorKind } from './recorder.js';
import type { CallSource, LoadClient, PreparedCall } from './load-client.js';
import { arrivalSchedule } from './schedule.js';

export interface LoopShare {
  /** This thread's index and the thread count: it takes arrivals i = index, index+count, ... */
  index: number;
  count: number;
  /** In-flight cap of this thread. */
  maxInFlight: number;
}

export interface LoopOutcome {
  recorder: Recorder;
  lag: Histogram;
  durationMs: number;
}

export function runOpenLoop(
  executor: ExecutorConfig,
  mix: CallSource<PreparedCall>,
  client: LoadClient<PreparedCall>,
  share: LoopShare,
  recorder: Recorder,
  signal: AbortSignal,
  startAtMs = monoMs(),
): Promise<LoopOutcome> {
  const schedule = arrivalSchedule(executor);
  const lag = createHistogram();
  let next = share.index;
  let inFlight = 0;
  let scheduling = true;
  // The recorder's clock is performance.now(): one clock read per response serves both.
  const toRecorderClock = performance.now() - monoMs();

  return new Promise<LoopOutcome>((resolve) => {
    const finish = () => {
      if (scheduling || inFlight > 0) return;
      signal.removeEventListener('abort', onAbort);
      void wake.close();
      const elapsed = monoMs() - startAtMs;
      resolve({ recorder, lag, durationMs: signal.aborted ? Math.min(elapsed, schedule.durationMs) : schedule.durationMs });
    };
    const stopScheduling = () => {
      scheduling = false;
      wake.cancel();
      finish();
    };
    const send = (intendedMs: number, nowMs: number) => {
      inFlight++;
      recordUs(lag, (nowMs - intendedMs) * 1000);
      const r = mix.next();
      client.send(r, (status, err, body) => {
        inFlight--;
        const t = monoMs();
        if (err) recorder.failure(r.index, errorKind(err), t + toRecorderClock);
        else recorder.response(r.index, status, r.expect(status), (t - intendedMs) * 1000, t + toRecorderClock);
        if (r.checks) recorder.checks(r.checks, status, body ?? '');
        finish();
      });
    };
    const pump = () => {
      if (!scheduling) return;
      const now = monoMs();
      while (next < schedule.count) {
        const intended = startAtMs + schedule.at(next);
        if (intended > now) break;
        if (inFlight >= share.maxInFlight) recorder.drop();
        else send(intended, now);
        next += share.count;
      }
      if (next >= schedule.count) return stopScheduling();
      wake.at(startAtMs + schedule.at(next));
    };
    const onAbort = () => stopScheduling();
    const wake = new PreciseWake(pump, { spinUs: wakeSpinUs() });
    signal.addEventListener('abort', onAbort, { once: true });
    recorder.start(performance.now() + (startAtMs - monoMs()));
    if (signal.aborted) return stopScheduling();
    pump();
  });
}

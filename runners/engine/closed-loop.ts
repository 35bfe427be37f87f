// Closed model through the same client: each VU sends its next request when the previous
// response arrives. Latency counts from the actual send (there is no schedule to miss).
// ramping-vus starts and retires VUs as the linear ramp says; a VU above the target finishes
// its request first (k6's graceful ramp-down). The iteration executors end early: a
// per-vu-iterations VU stops after its own count, shared-iterations VUs draw from one counter
// (this share's exact part of the total, iterations.ts splits it over generator threads).
import type { ExecutorConfig } from '../../scenarios/executor.js';
import { executorDurationMs } from '../../scenarios/executor.js';
import { parseDurationMs } from '../../common/duration.js';
import { monoMs } from '../../common/precise-wake.js';
import { Recorder, errorKind } from './recorder.js';
import type { CallSource, LoadClient, PreparedCall } from './load-client.js';
import type { LoopOutcome } from './open-loop.js';
import { shareOf, vusAt } from './schedule.js';
import { createHistogram } from '../../record/histogram.js';
import { iterationBudget } from './iterations.js';

const RAMP_STEP_MS = 50;

export function runClosedLoop(
  executor: ExecutorConfig,
  mix: CallSource<PreparedCall>,
  client: LoadClient<PreparedCall>,
  share: { index: number; count: number },
  recorder: Recorder,
  signal: AbortSignal,
  startAtMs = monoMs(),
): Promise<LoopOutcome> {
  const durationMs = executorDurationMs(executor, parseDurationMs);
  const endMs = startAtMs + durationMs;
  const active = new Set<number>();
  const targetAt = (now: number) => shareOf(vusAt(executor, Math.min(durationMs, now - startAtMs)), share.index, share.count);
  let target = targetAt(startAtMs);
  const budget = iterationBudget(executor, share);
  // The recorder's clock is performance.now(): one clock read per response serves both.
  const toRecorderClock = performance.now() - monoMs();

  return new Promise<LoopOutcome>((resolve) => {
    let ramp: NodeJS.Timeout | undefined;
    let ending: NodeJS.Timeout | undefined;
    const finish = () => {
      if (active.size > 0 || (monoMs() < endMs && !signal.aborted && !budget.spent())) return;
      clearInterval(ramp);
      clearTimeout(ending);
      signal.removeEventListener('abort', onAbort);
      resolve({ recorder, lag: createHistogram(), durationMs: Math.min(durationMs, monoMs() - startAtMs) });
    };
    const loop = (vu: number, now: number) => {
      if (signal.aborted || now >= endMs || vu >= target || !budget.take(vu)) {
        active.delete(vu);
        return finish();
      }
      const r = mix.next();
      const sentAt = monoMs();
      client.send(r, (status, err, body) => {
        const t = monoMs();
        if (err) recorder.failure(r.index, errorKind(err), t + toRecorderClock);
        else recorder.response(r.index, status, r.expect(status), (t - sentAt) * 1000, t + toRecorderClock);
        if (r.checks) recorder.checks(r.checks, status, body ?? '');
        loop(vu, t);
      });
    };
    const startVus = () => {
      for (let vu = 0; vu < target; vu++) {
        if (active.has(vu)) continue;
        active.add(vu);
        loop(vu, monoMs());
      }
    };
    const onAbort = () => finish();
    signal.addEventListener('abort', onAbort, { once: true });
    recorder.start(performance.now() + (startAtMs - monoMs()));
    if (executor.type === 'ramping-vus') {
      ramp = setInterval(() => {
        target = targetAt(monoMs());
        startVus();
      }, RAMP_STEP_MS);
    }
    // With every VU waiting on a slow response, the end must still be noticed.
    ending = setTimeout(finish, Math.max(0, endMs - monoMs()) + 1);
    startVus();
    finish();
  });
}

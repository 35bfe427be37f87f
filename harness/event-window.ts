// End-to-end event latency over the measured window: the window opens when measuring starts
// (events of the warm-up never count), and closes after the load stopped, waiting a bounded
// time for the consumers to drain what was published in the window. Backlog = published in
// the window and acknowledged by the transport, not yet committed by the consumer.
import { encodeHistogram, mergeEncoded, summarizeMs, type LatencySummaryMs } from '../record/histogram.js';
import type { RunningTarget, TargetEventStats } from '../targets/target.js';

const DRAIN_MS = 15_000;
const POLL_MS = 100;

export interface RunEventStats {
  published: number;
  publishFailed: number;
  consumed: number;
  duplicates: number;
  redelivered: number;
  /** When the load stopped. */
  backlogAtEnd: number;
  /** After waiting up to drainLimitMs: anything left was acknowledged yet never committed. */
  backlogAfterDrain: number;
  drainMs: number;
  drainLimitMs: number;
  /** Publish -> committed by the consumer, events of the window only. */
  latencyMs: LatencySummaryMs | null;
  histogram: string | null;
  /** Broker connections that dropped, in seconds since the window opened. */
  outages: Array<{ process: string; connection: string; fromS: number; toS: number | null; reason: string }>;
}

export interface EventWindow {
  /** Closes the window: reads the counters at the end of the load, then drains. */
  close(signal: AbortSignal): Promise<RunEventStats>;
}

const backlog = (s: TargetEventStats) => Math.max(0, s.published - s.consumed);

export async function openEventWindow(target: RunningTarget): Promise<EventWindow | null> {
  const source = target.events;
  if (!source) return null;
  const fromMs = Date.now();
  await source.reset(fromMs);
  return {
    async close(signal) {
      const atEnd = await source.read();
      const started = Date.now();
      let last = atEnd;
      while (backlog(last) > 0 && Date.now() - started < DRAIN_MS && !signal.aborted) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        last = await source.read();
      }
      const drainMs = Date.now() - started;
      const h = mergeEncoded(last.latencyHistograms);
      const s = (ms: number) => Math.round(ms - fromMs) / 1000;
      return {
        published: last.published,
        publishFailed: last.publishFailed,
        consumed: last.consumed,
        duplicates: last.duplicates,
        redelivered: last.redelivered,
        backlogAtEnd: backlog(atEnd),
        backlogAfterDrain: backlog(last),
        drainMs,
        drainLimitMs: DRAIN_MS,
        latencyMs: summarizeMs(h),
        histogram: h.totalCount > 0 ? encodeHistogram(h) : null,
        outages: last.outages.map((o) => ({ process: o.process, connection: o.connection, fromS: s(o.fromMs), toS: o.toMs === null ? null : s(o.toMs), reason: o.reason })),
      };
    },
  };
}

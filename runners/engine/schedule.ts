// Schedule math: when arrival i is due (open model) and how many VUs should be running at
// time t (closed ramp). Times are ms from the start of the window. Each arrival's time is
// computed from the start and the rate, never by adding intervals, so nothing drifts.
import { parseDurationMs } from '../../common/duration.js';
import { maxVusOf, type ExecutorConfig, type Stage } from '../../scenarios/executor.js';

export interface ArrivalSchedule {
  durationMs: number;
  /** Total arrivals in the window. */
  count: number;
  /** Offset (ms) of arrival i, 0-based; i < count. */
  at(i: number): number;
}

interface Segment {
  startMs: number;
  durMs: number;
  /** Arrivals per ms at the start and end of the segment. */
  r0: number;
  r1: number;
  /** Arrivals before the segment. */
  before: number;
  count: number;
}

/** Arrivals per ms for `rate` per `timeUnit`. */
function perMs(rate: number, timeUnit: string | number | undefined): number {
  return rate / parseDurationMs(timeUnit ?? '1s');
}

/** A piecewise-linear rate; arrival i happens when the integral of the rate reaches i. */
export function rampSchedule(startPerMs: number, stages: Array<{ durMs: number; endPerMs: number }>): ArrivalSchedule {
  const segments: Segment[] = [];
  let t = 0;
  let before = 0;
  let r = startPerMs;
  for (const s of stages) {
    const count = ((r + s.endPerMs) / 2) * s.durMs;
    segments.push({ startMs: t, durMs: s.durMs, r0: r, r1: s.endPerMs, before, count });
    t += s.durMs;
    before += count;
    r = s.endPerMs;
  }
  const total = Math.floor(before + 1e-9);
  return {
    durationMs: t,
    // Arrival i is due when the cumulative count reaches i (arrival 0 at the start).
    count: total,
    at(i: number): number {
      let lo = 0;
      let hi = segments.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (segments[mid]!.before <= i) lo = mid;
        else hi = mid - 1;
      }
      const seg = segments[lo]!;
      const x = i - seg.before;
      if (x <= 0) return seg.startMs;
      // Solve r0*tau + (r1-r0)/(2D)*tau^2 = x in the numerically stable form.
      const a = (seg.r1 - seg.r0) / (2 * seg.durMs);
      const tau = a === 0 ? x / seg.r0 : (2 * x) / (seg.r0 + Math.sqrt(seg.r0 * seg.r0 + 4 * a * x));
      return seg.startMs + Math.min(seg.durMs, Math.max(0, tau));
    },
  };
}

export function arrivalSchedule(e: ExecutorConfig): ArrivalSchedule {
  switch (e.type) {
    case 'constant-arrival-rate': {
      const durationMs = parseDurationMs(e.duration);
      const intervalMs = 1 / perMs(e.rate, e.timeUnit);
      // Arrivals at 0, interval, 2*interval, ... strictly before the end.
      const count = Math.ceil(durationMs / intervalMs - 1e-9);
      return { durationMs, count, at: (i) => i * intervalMs };
    }
    case 'ramping-arrival-rate':
      return rampSchedule(
        perMs(e.startRate ?? 0, e.timeUnit),
        e.stages.map((s) => ({ durMs: parseDurationMs(s.duration), endPerMs: perMs(s.target, e.timeUnit) })),
      );
    default:
      throw new Error(`${e.type} is a closed model: it has no arrival schedule`);
  }
}

/** VUs a closed executor should run at `tMs` (linear between stage targets, like k6's ramping-vus). */
export function vusAt(e: ExecutorConfig, tMs: number): number {
  if (e.type === 'constant-vus') return e.vus;
  if (e.type === 'shared-iterations' || e.type === 'per-vu-iterations') return maxVusOf(e);
  if (e.type !== 'ramping-vus') throw new Error(`${e.type} is an open model: it has no VU schedule`);
  return rampValue(e.startVUs ?? 0, e.stages, tMs);
}

export function rampValue(start: number, stages: Stage[], tMs: number): number {
  let from = start;
  let t0 = 0;
  for (const s of stages) {
    const d = parseDurationMs(s.duration);
    if (tMs < t0 + d) return Math.round(from + ((s.target - from) * (tMs - t0)) / d);
    t0 += d;
    from = s.target;
  }
  return from;
}

/** Thread k's share of n items split over `threads` as evenly as whole numbers allow. */
export function shareOf(n: number, k: number, threads: number): number {
  return Math.floor(n / threads) + (k < n % threads ? 1 : 0);
}

// What a load generator hands back for one measured (or warm-up) window: counts and HDR
// histograms, never arrays of samples. record/build-result.ts turns it into a RunResult.
import type { Histogram } from './histogram.js';
import type { CheckCounts, TimelinePoint } from './results.js';

export interface RequestSample {
  requests: number;
  errors: number;
  histogram: Histogram;
}

export interface Sample {
  durationMs: number;
  requests: number;
  ok: number;
  errors: number;
  errorsByKind: Record<string, number>;
  dropped: number;
  histogram: Histogram;
  byRequest: Map<string, RequestSample>;
  timeline: TimelinePoint[];
  /** k6's checks, counted per name; absent when the scenario has none. */
  checks?: Record<string, CheckCounts>;
  /** Schedule lag of an open-model generator (intended vs actual send), microseconds. */
  lag?: Histogram;
  threads?: number;
  /** Each generator worker thread's own CPU over its run, % of one core. */
  threadCpuPct?: number[];
}

/** CPU and memory of the target's process tree over the measured window. */
export interface TreeUsage {
  cpu: { userMs: number; systemMs: number; totalMs: number };
  peakTotalMb: number;
  processes: Array<{ pid: number; command: string; peakMb: number }>;
}

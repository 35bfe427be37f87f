// Ground truth for the calibration scenarios: the latency a user would see, computed from
// the spec and the arrival times alone (no measurement involved).
import { delayCycle, releaseMs, type CalibrationSpec } from './latency-spec.js';

export interface Truth {
  count: number;
  /** ms at each asked percentile (nearest rank, as HdrHistogram reports). */
  percentiles: Record<string, number>;
  /** Share of requests slower than each asked threshold (ms). */
  slowerThan: Record<string, number>;
}

export function percentileOfSorted(sorted: Float64Array, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length - 1e-9));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** Truth for requests arriving at `arrivalsMs` (ms after the first), answered in arrival order. */
export function truthFor(spec: CalibrationSpec, arrivalsMs: ArrayLike<number>, percentiles: number[], thresholdsMs: number[] = []): Truth {
  const cycle = delayCycle(spec.latency);
  const s = { cycle, ...(spec.stall ? { stall: spec.stall } : {}) };
  const lat = new Float64Array(arrivalsMs.length);
  for (let n = 0; n < arrivalsMs.length; n++) lat[n] = releaseMs(s, n, arrivalsMs[n]!) - arrivalsMs[n]!;
  lat.sort();
  const out: Truth = { count: lat.length, percentiles: {}, slowerThan: {} };
  for (const p of percentiles) out.percentiles[String(p)] = percentileOfSorted(lat, p);
  for (const t of thresholdsMs) out.slowerThan[String(t)] = lat.filter((x) => x > t).length / Math.max(1, lat.length);
  return out;
}

/** Truth of the bare mixture (no stall): independent of arrival times. */
export function mixtureTruth(spec: CalibrationSpec, percentiles: number[]): Record<string, number> {
  const cycle = delayCycle(spec.latency).slice().sort();
  const out: Record<string, number> = {};
  for (const p of percentiles) out[String(p)] = percentileOfSorted(cycle, p);
  return out;
}

// HDR latency histograms: one unit (microseconds), one precision, one encoding, so that
// runs, trials and generator workers merge exactly (shared/DESIGN.md section 4).
import * as hdr from 'hdr-histogram-js';

export type Histogram = hdr.Histogram;

export const LOWEST_US = 1;
export const HIGHEST_US = 60_000_000;
export const SIGNIFICANT_DIGITS = 3;

/** `highestUs` only for a record that never merges with results (the calibration server's truth). */
export function createHistogram(highestUs = HIGHEST_US): Histogram {
  return hdr.build({
    bitBucketSize: 32,
    autoResize: false,
    lowestDiscernibleValue: LOWEST_US,
    highestTrackableValue: highestUs,
    numberOfSignificantValueDigits: SIGNIFICANT_DIGITS,
    useWebAssembly: false,
  });
}

/** Record a latency; values outside the range are clamped rather than lost. */
export function recordUs(h: Histogram, us: number): void {
  h.recordValue(Math.min(HIGHEST_US, Math.max(LOWEST_US, Math.round(us))));
}

export function encodeHistogram(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

export function decodeHistogram(encoded: string): Histogram {
  // Decoding yields a histogram with the encoded ranges; copy into ours so adds never resize.
  const decoded = hdr.decodeFromCompressedBase64(encoded, 32, false);
  const h = createHistogram();
  h.add(decoded);
  return h;
}

export function mergeEncoded(parts: Iterable<string>): Histogram {
  const total = createHistogram();
  for (const p of parts) total.add(hdr.decodeFromCompressedBase64(p, 32, false));
  return total;
}

export interface LatencySummaryMs {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
  min: number;
}

const usToMs = (us: number) => Math.round(us) / 1000;

/** Percentiles in milliseconds, or null when there is no sample (never a silent zero). */
export function summarizeMs(h: Histogram): LatencySummaryMs | null {
  if (h.totalCount === 0) return null;
  return {
    p50: usToMs(h.getValueAtPercentile(50)),
    p90: usToMs(h.getValueAtPercentile(90)),
    p99: usToMs(h.getValueAtPercentile(99)),
    p999: usToMs(h.getValueAtPercentile(99.9)),
    // The highest equivalent value, so that a decoded histogram reports the same max.
    max: usToMs(h.getValueAtPercentile(100)),
    min: usToMs(h.minNonZeroValue),
    mean: Math.round(h.mean) / 1000,
  };
}

/** (percentile, ms) points of the percentile spectrum, HdrHistogram style, for charts. */
export function percentileSpectrum(h: Histogram, ticksPerHalfDistance = 5): Array<{ percentile: number; ms: number }> {
  const points: Array<{ percentile: number; ms: number }> = [];
  if (h.totalCount === 0) return points;
  for (let i = 0; ; i++) {
    // percentile = 100 * (1 - 1/2^(i/ticks)): evenly spaced on the 1/(1-p) log axis
    const p = 100 * (1 - Math.pow(2, -i / ticksPerHalfDistance));
    if (p > 99.9999) break;
    points.push({ percentile: p, ms: usToMs(h.getValueAtPercentile(p)) });
  }
  points.push({ percentile: 100, ms: usToMs(h.getValueAtPercentile(100)) });
  return points;
}

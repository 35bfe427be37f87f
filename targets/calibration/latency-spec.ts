// The calibration server's configuration language:
//   --latency '90%:2ms,9%:10ms,1%:50ms'   a mixture of fixed delays
//   --stall 1s@3s                          freeze every response for 1 s, 3 s after the first request
// Delays are handed out in a fixed cycle that spreads every class evenly, so that any run of
// consecutive requests holds each class's share to within one request: a 5 s run at 100/s (500
// requests) sees its 0.5% class too, where a cycle of 1,000 ordered fastest first served it
// only 2 ms delays. The truth is still known exactly (truth.ts replays the same cycle).
import { parseDurationMs } from '../../common/duration.js';
import { UsageError } from '../../common/errors.js';

export interface LatencyComponent {
  /** Share of requests, percent. */
  pct: number;
  ms: number;
}

export interface Stall {
  atMs: number;
  durationMs: number;
}

export interface CalibrationSpec {
  latency: LatencyComponent[];
  stall?: Stall;
}

export const DEFAULT_LATENCY = '90%:2ms,9%:10ms,1%:50ms';
const MAX_CYCLE = 100_000;

export class CalibrationSpecError extends UsageError {
  constructor(message: string) {
    super(message, 'ERR_CALIBRATION_SPEC');
  }
}

export function parseLatency(text: string): LatencyComponent[] {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  const problems: string[] = [];
  const out: LatencyComponent[] = [];
  for (const p of parts) {
    const m = /^(\d+(?:\.\d+)?)%:(.+)$/.exec(p);
    let ms = NaN;
    try {
      if (m) ms = parseDurationMs(m[2]!);
    } catch {
      // reported below
    }
    if (!m || !Number.isFinite(ms)) {
      problems.push(`"${p}" is not PERCENT%:DURATION (e.g. 90%:2ms)`);
      continue;
    }
    if (ms > 60_000) problems.push(`"${p}": delays above 60 s are not supported`);
    out.push({ pct: Number(m[1]), ms });
  }
  if (parts.length === 0) problems.push('no component given');
  const total = out.reduce((s, c) => s + c.pct, 0);
  if (out.length && Math.abs(total - 100) > 1e-9) problems.push(`percentages add up to ${+total.toFixed(6)}%, not 100%`);
  if (out.some((c) => Math.abs(c.pct * (MAX_CYCLE / 100) - Math.round(c.pct * (MAX_CYCLE / 100))) > 1e-6)) {
    problems.push('percentages must be multiples of 0.001%');
  }
  if (problems.length) throw new CalibrationSpecError(`invalid --latency "${text}": ${problems.join('; ')}`);
  return out.sort((a, b) => a.ms - b.ms);
}

export function parseStall(text: string): Stall {
  const m = /^([^@]+)@(.+)$/.exec(text.trim());
  try {
    if (m) {
      const stall = { durationMs: parseDurationMs(m[1]!), atMs: parseDurationMs(m[2]!) };
      if (stall.durationMs > 0 && stall.durationMs <= 600_000) return stall;
    }
  } catch {
    // reported below
  }
  throw new CalibrationSpecError(`invalid --stall "${text}": expected DURATION@START (e.g. 1s@3s, a duration from 1ms to 10m)`);
}

/**
 * The delays of one cycle; request n gets cycle[n % length]. Position k takes the class
 * furthest behind its share of the first k+1 positions (ties to the faster class), so every
 * prefix and every window of the cycle holds each class's share to within one request.
 */
export function delayCycle(latency: LatencyComponent[]): Float64Array {
  // The shortest cycle in which every share is a whole number of requests.
  const whole = (x: number) => Math.abs(x - Math.round(x)) < 1e-6;
  let length = 100;
  while (length < MAX_CYCLE && !latency.every((c) => whole((c.pct * length) / 100))) length *= 10;
  const classes = latency.map((c) => ({ ms: c.ms, n: Math.round((c.pct * length) / 100), given: 0 })).sort((a, b) => a.ms - b.ms);
  const cycle = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    let best = classes[0]!;
    let bestDeficit = -Infinity;
    for (const c of classes) {
      if (c.given >= c.n) continue;
      const deficit = (c.n * (k + 1)) / length - c.given;
      if (deficit > bestDeficit + 1e-12) {
        best = c;
        bestDeficit = deficit;
      }
    }
    cycle[k] = best.ms;
    best.given++;
  }
  return cycle;
}

/**
 * When request n, arriving `arrivalMs` after the first request, is answered (ms, same clock):
 * its delay, pushed to the end of the stall if it would fall inside it (a frozen server answers
 * nothing until it thaws).
 */
export function releaseMs(spec: { cycle: Float64Array; stall?: Stall }, n: number, arrivalMs: number): number {
  const due = arrivalMs + spec.cycle[n % spec.cycle.length]!;
  const s = spec.stall;
  if (s && due >= s.atMs && due < s.atMs + s.durationMs) return s.atMs + s.durationMs;
  return due;
}

// Field checks the executors share (k6's BaseConfig): each returns a problem or nothing.
import { parseDurationMs, type Duration } from '../../common/duration.js';
import type { Stage } from '../executor.js';

export const MAX_VUS = 100_000;
export const MAX_RATE = 1_000_000;
export const MAX_DURATION_MS = 24 * 3_600_000;

export function durationProblem(field: string, d: Duration | undefined, opts: { min?: number; required?: boolean } = {}): string | undefined {
  if (d === undefined) return opts.required === false ? undefined : `${field} is required (e.g. "30s")`;
  let ms: number;
  try {
    ms = parseDurationMs(d);
  } catch {
    return `${field} "${String(d)}" is not a duration: expected e.g. "500ms", "20s", "1m30s" or seconds`;
  }
  const min = opts.min ?? 1;
  if (ms < min) return `${field} must be at least ${min} ms, got ${String(d)}`;
  if (ms > MAX_DURATION_MS) return `${field} must be at most 24h, got ${String(d)}`;
  return undefined;
}

export function intProblem(field: string, n: unknown, min: number, max: number, required = true): string | undefined {
  if (n === undefined) return required ? `${field} is required (a whole number from ${min} to ${max})` : undefined;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    return `${field} must be a whole number from ${min} to ${max}, got ${JSON.stringify(n)}`;
  }
  return undefined;
}

export function numberProblem(field: string, n: unknown, min: number, max: number, required = true): string | undefined {
  if (n === undefined) return required ? `${field} is required (a number from ${min} to ${max})` : undefined;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) {
    return `${field} must be a number from ${min} to ${max}, got ${JSON.stringify(n)}`;
  }
  return undefined;
}

/** Stages of a ramping executor; `targetMax` bounds each stage's target. */
export function stageProblems(stages: Stage[] | undefined, targetMax: number, integer: boolean): string[] {
  if (!Array.isArray(stages) || stages.length === 0) return ['stages must list at least one { duration, target }'];
  const out: string[] = [];
  let totalMs = 0;
  stages.forEach((s, i) => {
    const d = durationProblem(`stages[${i}].duration`, s?.duration, { min: 0 });
    if (d) out.push(d);
    else totalMs += parseDurationMs(s.duration);
    const t = integer ? intProblem(`stages[${i}].target`, s?.target, 0, targetMax) : numberProblem(`stages[${i}].target`, s?.target, 0, targetMax);
    if (t) out.push(t);
  });
  if (out.length === 0 && totalMs <= 0) out.push('stages must last longer than 0 s in total');
  if (totalMs > MAX_DURATION_MS) out.push('stages must last at most 24h in total');
  return out;
}

export function defined(list: Array<string | undefined>): string[] {
  return list.filter((p): p is string => p !== undefined);
}

/** `rate` arrivals per `timeUnit` as arrivals per second. */
export function perSecond(rate: number, timeUnit: Duration | undefined): number {
  return rate / (parseDurationMs(timeUnit ?? '1s') / 1000);
}

/** "20s" stays "20s"; a bare number of seconds gets its unit. */
export function showDuration(d: Duration): string {
  return typeof d === 'number' || /^\d+(\.\d+)?$/.test(d) ? `${d}s` : d;
}

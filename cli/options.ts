// Option parsers that fail with a message naming the option and its accepted range.
import { selectTargets } from '../targets/catalog.js';
import type { TargetSpec } from '../targets/target.js';
import { UsageError } from '../common/errors.js';
import { parseDurationOption } from '../common/duration.js';

export function intOption(name: string, min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new UsageError(`invalid ${name} "${raw}": expected a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

/** A duration option ("30s", "500ms", "2m", or a plain number of seconds) -> seconds in [min, max]. */
export function secondsOption(name: string, min: number, max: number) {
  return (raw: string): number => {
    try {
      return parseDurationOption(name, raw, min, max);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  };
}

/** A finite number in [min, max]; `unit` names what it counts in the error message. */
export function numberOption(name: string, min: number, max: number, unit: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      throw new UsageError(`invalid ${name} "${raw}": expected ${unit} from ${min} to ${max}`);
    }
    return n;
  };
}

/** --target NAME: exactly one catalog target; an unknown name lists the valid ones. */
export function oneTarget(name: string): TargetSpec {
  const found = selectTargets([name], [], '--target');
  if (found.length !== 1) throw new UsageError(`--target must name one target; "${name}" matches ${found.map((t) => t.name).join(', ')}`);
  return found[0]!;
}

export function listOption(raw: string): string[] {
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

export function collect(raw: string, previous: string[] = []): string[] {
  return [...previous, raw];
}

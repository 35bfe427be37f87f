// Option parsers that fail with a message naming the option and its accepted range.
import { UsageError } from './errors.js';

export function intOption(name: string, min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new UsageError(`invalid ${name} "${raw}": expected a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

export function secondsOption(name: string, min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      throw new UsageError(`invalid ${name} "${raw}": expected seconds from ${min} to ${max}`);
    }
    return n;
  };
}

export function listOption(raw: string): string[] {
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

export function collect(raw: string, previous: string[] = []): string[] {
  return [...previous, raw];
}

// Time as a port, so tests can control it. Microseconds since the epoch: listing invoices
// "newest first" must order two invoices created in the same millisecond.
import { performance } from 'node:perf_hooks';

export interface Clock {
  /** Integer microseconds since the Unix epoch. */
  nowMicros(): number;
}

/** Wall clock at process start plus a monotonic offset: never goes backwards in one process. */
export const systemClock: Clock = {
  nowMicros: () => Math.floor((performance.timeOrigin + performance.now()) * 1000),
};

export function microsToIso(us: number): string {
  return new Date(Math.floor(us / 1000)).toISOString();
}

// The cache's hit and miss counters, from every process that caches to the harness: a child
// answers `cache-stats-request` over IPC with its own counters; a cluster primary asks its
// workers and answers their sum (workers' IPC ends at the primary). The harness reads the
// totals before and after the measured window and keeps the difference.
import type { Worker } from 'node:cluster';
import type { CacheCounters } from '../domain/cache.js';
import { askProcess } from './ipc-ask.js';
import type { ServiceProcess } from './spawn.js';

const REQUEST = 'cache-stats-request';
const REPLY = 'cache-stats';

interface CacheStatsRequest {
  type: typeof REQUEST;
  id: number;
}

const zero = (): CacheCounters => ({ hits: 0, misses: 0 });
const isRequest = (m: unknown): m is CacheStatsRequest => (m as Partial<CacheStatsRequest> | null)?.type === REQUEST && typeof (m as CacheStatsRequest).id === 'number';

/** This process's counters, whichever container (one, or one per request) did the lookups. */
export const processCacheCounters: CacheCounters = zero();

/** In a serving process: answer with this process's counters. */
export function answerCacheStats(): void {
  process.on('message', (m: unknown) => {
    if (isRequest(m)) process.send?.({ type: REPLY, id: m.id, stats: processCacheCounters });
  });
}

/** In a cluster primary: answer with the sum of every worker's counters. */
export function relayCacheStats(workers: readonly Worker[]): void {
  const asWorker = (w: Worker, i: number) => ({
    name: `worker ${i + 1}`,
    send: (m: unknown) => w.send(m as object),
    onMessage: (listener: (m: unknown) => void) => {
      w.on('message', listener);
      return () => void w.off('message', listener);
    },
  });
  process.on('message', (m: unknown) => {
    if (!isRequest(m)) return;
    void Promise.all(workers.map((w, i) => askProcess<CacheCounters>(asWorker(w, i), REQUEST, REPLY, 'cache counters'))).then(
      (parts) => process.send?.({ type: REPLY, id: m.id, stats: sumCounters(parts) }),
      () => undefined, // no reply: the harness's own timeout names the process
    );
  });
}

export function sumCounters(parts: readonly CacheCounters[]): CacheCounters {
  return parts.reduce((a, b) => ({ hits: a.hits + b.hits, misses: a.misses + b.misses }), zero());
}

export interface CacheStatsSource {
  /** Totals since the processes started. */
  read(): Promise<CacheCounters>;
}

/** Harness side: the sum over the target's caching processes. */
export function cacheStatsSource(procs: readonly ServiceProcess[]): CacheStatsSource {
  return { read: async () => sumCounters(await Promise.all(procs.map((p) => askProcess<CacheCounters>(p, REQUEST, REPLY, 'cache counters')))) };
}

// The read-through cache's hits and misses over the measured window (results extra.cache):
// totals read from every caching process when measuring starts and after the load stopped.
import type { RunningTarget } from '../targets/target.js';

export interface RunCacheStats {
  hits: number;
  misses: number;
  /** hits / (hits + misses); null when nothing was looked up. */
  ratio: number | null;
}

export interface CacheWindow {
  close(): Promise<RunCacheStats>;
}

export async function openCacheWindow(target: RunningTarget): Promise<CacheWindow | null> {
  const source = target.cache;
  if (!source) return null;
  const before = await source.read();
  return {
    close: async () => {
      const after = await source.read();
      const hits = after.hits - before.hits;
      const misses = after.misses - before.misses;
      return { hits, misses, ratio: hits + misses > 0 ? hits / (hits + misses) : null };
    },
  };
}

// The in-process cache store: one per process, so workers and replicas each warm their own and
// a write only invalidates the writing process's copy (the reason `--cache redis` exists).
import type { Cache } from '../../domain/cache.js';

/** Bounded so a long run over many ids cannot grow the process without limit. */
const MAX_ENTRIES = 100_000;

export function memoryCache(now: () => number = Date.now): Cache {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    get: async (key) => {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return e.value;
    },
    set: async (key, value, ttlMs) => {
      entries.delete(key);
      // Map keeps insertion order: the first key is the oldest write.
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, expiresAt: now() + ttlMs });
    },
    delete: async (key) => {
      entries.delete(key);
    },
    close: async () => entries.clear(),
  };
}

// The Redis cache store: one copy shared by every worker and replica, so a write anywhere
// invalidates for everyone. Keys live under the target start's namespace and expire by TTL.
import { Redis } from 'ioredis';
import type { Cache } from '../../domain/cache.js';

/** Connected (or rejected with the connection error) before the process reports ready. */
export async function redisCache(url: string, namespace: string): Promise<Cache> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableAutoPipelining: true, retryStrategy: () => 100 });
  r.on('error', () => undefined);
  await r.connect();
  const k = (key: string) => `${namespace}:cache:${key}`;
  return {
    get: async (key) => (await r.get(k(key))) ?? undefined,
    set: async (key, value, ttlMs) => {
      await r.set(k(key), value, 'PX', ttlMs);
    },
    delete: async (key) => {
      await r.del(k(key));
    },
    close: async () => {
      await r.quit().catch(() => r.disconnect());
    },
  };
}

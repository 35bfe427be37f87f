// --cache: the users repository behind the read-through cache the switches ask for, or as is.
import { processCacheCounters } from '../../lifecycle/cache-stats.js';
import type { UserRepository } from '../../domain/ports.js';
import { CachedUserRepository } from '../../domain/users/cached-user-repository.js';
import { redisUrlOf, type Switches } from '../../switches.js';
import { memoryCache } from './memory.js';
import { redisCache } from './redis.js';

export interface CachedUsers {
  users: UserRepository;
  close(): Promise<void>;
}

export async function withUserCache(users: UserRepository, switches: Switches): Promise<CachedUsers> {
  const c = switches.cache;
  if (!c) return { users, close: async () => undefined };
  const cache = c.store === 'redis' ? await redisCache(redisUrlOf(switches), switches.namespace) : memoryCache();
  // Counted per process for the harness (lifecycle/cache-stats.ts).
  return { users: new CachedUserRepository(users, cache, c.ttlMs, processCacheCounters), close: () => cache.close() };
}

// Read-through cache of users by id (Cache::remember('user:'.$id, $ttl, fn () => User::find($id))),
// as a decorator of the repository port: every write of the port deletes the key it touches,
// and a new write method of UserRepository cannot be added without deciding it here (the
// class implements the port), so no future write path can forget the invalidation.
// Unknown ids are cached too (negative caching): the write that creates the user deletes it.
import type { Cache, CacheCounters } from '../cache.js';
import type { InsertUserResult, UserRecord, UserRepository } from '../ports.js';

/** A cached "no such user" (JSON never produces it). */
const ABSENT = '-';

export const userCacheKey = (id: string) => `user:${id}`;

export class CachedUserRepository implements UserRepository {
  readonly #inner: UserRepository;
  readonly #cache: Cache;
  readonly #ttlMs: number;
  readonly counters: CacheCounters;

  /** `counters` may be shared: a process that rebuilds its container per request keeps counting. */
  constructor(inner: UserRepository, cache: Cache, ttlMs: number, counters: CacheCounters = { hits: 0, misses: 0 }) {
    this.counters = counters;
    this.#inner = inner;
    this.#cache = cache;
    this.#ttlMs = ttlMs;
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const key = userCacheKey(id);
    // A cache that fails is a miss: the cache speeds reads up, it never decides them.
    const cached = await this.#cache.get(key).catch(() => undefined);
    if (cached !== undefined) {
      this.counters.hits++;
      return cached === ABSENT ? undefined : (JSON.parse(cached) as UserRecord);
    }
    this.counters.misses++;
    const record = await this.#inner.findById(id);
    await this.#cache.set(key, record ? JSON.stringify(record) : ABSENT, this.#ttlMs).catch(() => undefined);
    return record;
  }

  async insert(user: UserRecord): Promise<InsertUserResult> {
    // Deleted even when the insert fails: it may have committed before the error.
    try {
      return await this.#inner.insert(user);
    } finally {
      await this.#cache.delete(userCacheKey(user.id));
    }
  }

  async markAnnounced(id: string, atUs: number): Promise<void> {
    try {
      await this.#inner.markAnnounced(id, atUs);
    } finally {
      await this.#cache.delete(userCacheKey(id));
    }
  }

  // Sign-in and sign-up read by email: they must see the stored hash, never a cached one.
  findByEmail(email: string): Promise<UserRecord | undefined> {
    return this.#inner.findByEmail(email);
  }

  /** A batch (GraphQL's loader) reads through the cache too, one lookup per id, misses in one batch. */
  async findByIds(ids: readonly string[]): Promise<UserRecord[]> {
    const found = new Map<string, UserRecord>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = await this.#cache.get(userCacheKey(id)).catch(() => undefined);
      if (cached === undefined) missing.push(id);
      else {
        this.counters.hits++;
        if (cached !== ABSENT) found.set(id, JSON.parse(cached) as UserRecord);
      }
    }
    this.counters.misses += missing.length;
    if (missing.length) {
      const loaded = await this.#inner.findByIds(missing);
      for (const r of loaded) found.set(r.id, r);
      for (const id of missing) {
        const r = found.get(id);
        await this.#cache.set(userCacheKey(id), r ? JSON.stringify(r) : ABSENT, this.#ttlMs).catch(() => undefined);
      }
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  existsById(id: string): Promise<boolean> {
    return this.#inner.existsById(id);
  }
}

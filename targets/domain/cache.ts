// The cache port (Laravel's Cache::remember store): strings under keys, each with a time to
// live. In memory per process or in Redis shared by every process; the domain only sees this.

export interface Cache {
  /** The value, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Lookups answered by the cache and lookups that went to storage, counted per process. */
export interface CacheCounters {
  hits: number;
  misses: number;
}

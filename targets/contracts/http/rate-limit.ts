// The limiter behind --throttle N/S (Laravel's throttle:N,M): a fixed window of S seconds and
// at most N requests per subject in it. Two stores with the same rule: in process (one
// process serves the edge) and Redis (several workers or replicas share one count, counted
// atomically by one Lua script whose clock is Redis's, so every process agrees on the window).
import { Redis } from 'ioredis';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window resets (what Retry-After says), at least 1. */
  retryAfterS: number;
}

export interface RateLimiter {
  hit(subject: string): Promise<RateDecision>;
  close(): Promise<void>;
}

export interface RateRule {
  limit: number;
  windowMs: number;
}

const retryAfter = (msLeft: number) => Math.max(1, Math.ceil(msLeft / 1000));

/** Windows of subjects not seen for a window are dropped once this many are held. */
const PRUNE_AT = 50_000;

export function memoryRateLimiter(rule: RateRule, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { index: number; count: number }>();
  return {
    hit: async (subject) => {
      const t = now();
      const index = Math.floor(t / rule.windowMs);
      if (windows.size >= PRUNE_AT) for (const [k, w] of windows) if (w.index < index) windows.delete(k);
      let w = windows.get(subject);
      if (!w || w.index !== index) windows.set(subject, (w = { index, count: 0 }));
      w.count++;
      return { allowed: w.count <= rule.limit, retryAfterS: retryAfter(rule.windowMs - (t % rule.windowMs)) };
    },
    close: async () => windows.clear(),
  };
}

// INCR the subject's counter of the current window (Redis's own clock), expire it with the
// window, answer the count and the ms left. One round trip, atomic across every process.
const FIXED_WINDOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local win = tonumber(ARGV[1])
local key = KEYS[1] .. ':' .. math.floor(now / win)
local n = redis.call('INCR', key)
if n == 1 then redis.call('PEXPIRE', key, win) end
return {n, win - (now % win)}
`;

export async function redisRateLimiter(rule: RateRule, url: string, namespace: string): Promise<RateLimiter> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableAutoPipelining: true, retryStrategy: () => 100 });
  r.on('error', () => undefined);
  r.defineCommand('archbenchThrottle', { numberOfKeys: 1, lua: FIXED_WINDOW });
  await r.connect();
  const run = (r as unknown as { archbenchThrottle(key: string, windowMs: number): Promise<[number, number]> }).archbenchThrottle.bind(r);
  return {
    hit: async (subject) => {
      const [count, msLeft] = await run(`${namespace}:throttle:${subject}`, rule.windowMs);
      return { allowed: count <= rule.limit, retryAfterS: retryAfter(msLeft) };
    },
    close: async () => {
      await r.quit().catch(() => r.disconnect());
    },
  };
}

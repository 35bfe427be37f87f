// The playbook switches of the reference targets (issue 17 items 1-3): a read-through cache of
// users (--cache), a rate limit (--throttle) and a planted request-state leak (--plant-leak).
// The spec turns TargetOptions into this child config; composition roots apply it as wiring.
import { z } from 'zod';
import { newNamespace, resolveBrokerUrl } from './transports/broker-config.js';
import { probeBroker, unreachableMessage } from './transports/broker-probe.js';
import { TargetUnavailableError, type TargetOptions } from './target.js';

export const CACHE_STORES = ['none', 'memory', 'redis'] as const;
export type CacheStore = (typeof CACHE_STORES)[number];
export const DEFAULT_CACHE_TTL_S = 60;

export const switchesSchema = z.strictObject({
  cache: z.strictObject({ store: z.enum(['memory', 'redis']), ttlMs: z.number().int().min(1) }).optional(),
  throttle: z.strictObject({ limit: z.number().int().min(1), windowMs: z.number().int().min(1), store: z.enum(['memory', 'redis']) }).optional(),
  plantLeak: z.boolean(),
  /** For the Redis stores. */
  redisUrl: z.string().min(1).optional(),
  /** Prefix of every Redis key of this target start: runs never see each other's counts. */
  namespace: z.string().min(1),
});
export type Switches = z.infer<typeof switchesSchema>;

/** The switches' axes of a target that has them, all off (the catalog's; flags override per run). */
export const SWITCH_AXES = { cache: 'none', throttle: 'off', leak: 'none' } as const;

export const NO_SWITCHES: Switches = { plantLeak: false, namespace: 'none' };

/** --throttle N/S, parsed. */
export interface ThrottleOption {
  limit: number;
  windowS: number;
}

/** "60/1" -> 60 requests per 1 s; undefined when the text is not N/S with whole positive numbers. */
export function parseThrottle(text: string): ThrottleOption | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const limit = Number(m[1]);
  const windowS = Number(m[2]);
  return limit >= 1 && windowS >= 1 && limit <= 1e9 && windowS <= 86_400 ? { limit, windowS } : undefined;
}

export const throttleLabel = (t: ThrottleOption | undefined) => (t ? `${t.limit}/${t.windowS}` : 'off');

/**
 * The switches for a target whose HTTP edge runs in `edgeProcesses` processes: the rate limit
 * counts in Redis as soon as more than one process must share it. Redis is probed first; an
 * absent one makes the target unavailable, with the URL tried and the flag that sets another.
 */
export async function switchesFor(options: TargetOptions, edgeProcesses: number): Promise<Switches> {
  const cache = options.cache && options.cache !== 'none' ? { store: options.cache, ttlMs: (options.cacheTtlS ?? DEFAULT_CACHE_TTL_S) * 1000 } : undefined;
  const throttle = options.throttle ? { limit: options.throttle.limit, windowMs: options.throttle.windowS * 1000, store: edgeProcesses > 1 ? ('redis' as const) : ('memory' as const) } : undefined;
  const needsRedis = cache?.store === 'redis' || throttle?.store === 'redis';
  const out: Switches = { plantLeak: options.plantLeak === true, namespace: newNamespace(), ...(cache ? { cache } : {}), ...(throttle ? { throttle } : {}) };
  if (!needsRedis) return out;
  const redisUrl = resolveBrokerUrl('redis', options.brokerUrls);
  const why = await probeBroker('redis', redisUrl);
  if (why !== null) throw new TargetUnavailableError(unreachableMessage('redis', redisUrl, why));
  return { ...out, redisUrl };
}

export function redisUrlOf(switches: Switches): string {
  if (!switches.redisUrl) throw new Error('a Redis store was configured without a Redis URL');
  return switches.redisUrl;
}

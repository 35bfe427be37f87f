// The switches that act at the HTTP edge (the monolith's, the micro gateway's): the planted
// "current user" leak replaces authentication, the rate limit wraps every route. Wiring only.
import type { Authenticate, BoundRoute } from '../contracts/http/pipeline.js';
import { memoryRateLimiter, redisRateLimiter, type RateLimiter } from '../contracts/http/rate-limit.js';
import { withThrottle } from '../contracts/http/throttle.js';
import { redisUrlOf, type Switches } from '../switches.js';
import { leakyCurrentUser } from './planted-leak.js';

export function edgeAuthenticate(switches: Switches, authenticate: Authenticate): Authenticate {
  return switches.plantLeak ? leakyCurrentUser(authenticate) : authenticate;
}

export interface SwitchedRoutes {
  routes: BoundRoute[];
  close(): Promise<void>;
}

/** `authenticate` names the rate limit's subject: the real one, never the planted leak. */
export async function throttledRoutes(routes: BoundRoute[], switches: Switches, authenticate: Authenticate): Promise<SwitchedRoutes> {
  const t = switches.throttle;
  if (!t) return { routes, close: async () => undefined };
  const rule = { limit: t.limit, windowMs: t.windowMs };
  const limiter: RateLimiter = t.store === 'redis' ? await redisRateLimiter(rule, redisUrlOf(switches), switches.namespace) : memoryRateLimiter(rule);
  return { routes: withThrottle(routes, limiter, authenticate), close: () => limiter.close() };
}

// --throttle: every route but /health limited per subject, the same code on fastify and express
// (it wraps the bound routes, as the frameworks only serve them). The subject is the verified
// token's `sub` (one budget per user, whichever token they hold) and the client address for
// anonymous callers; an unverifiable token counts as anonymous, so forged tokens buy nothing.
import type { ErrorBody } from '../schemas.js';
import type { HttpResponse } from './errors.js';
import type { Authenticate, BoundRoute, RawRequest } from './pipeline.js';
import type { RateLimiter } from './rate-limit.js';

async function subjectOf(raw: RawRequest, authenticate: Authenticate): Promise<string> {
  if (raw.authorization !== undefined) {
    const claims = await authenticate(raw.authorization, raw).catch(() => undefined);
    if (claims) return `sub:${claims.sub}`;
  }
  return `ip:${raw.remoteAddress ?? 'unknown'}`;
}

export function tooManyRequests(retryAfterS: number): HttpResponse {
  const body: ErrorBody = { error: { code: 'too_many_requests', message: `rate limit exceeded; retry in ${retryAfterS} s` } };
  return { status: 429, body, headers: { 'retry-after': String(retryAfterS) } };
}

export function withThrottle(routes: BoundRoute[], limiter: RateLimiter, authenticate: Authenticate): BoundRoute[] {
  return routes.map((route) =>
    // Readiness and liveness probes are never throttled.
    route.id === 'health'
      ? route
      : {
          ...route,
          handle: async (raw) => {
            // A limiter that cannot answer (Redis down) lets the request through: the limit
            // protects the service, it must not take it down.
            const decision = await limiter.hit(await subjectOf(raw, authenticate)).catch(() => undefined);
            return decision && !decision.allowed ? tooManyRequests(decision.retryAfterS) : route.handle(raw);
          },
        },
  );
}

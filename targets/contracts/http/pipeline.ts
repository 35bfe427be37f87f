// The framework-independent half of every request: authenticate, parse params/query/body,
// call the route handler, map errors. Framework adapters only translate their request into a
// RawRequest and a HttpResponse back, so fastify and express run the very same code.
import type { TokenClaims } from '../../domain/auth/token-service.js';
import { parseOrThrow } from '../../domain/validation.js';
import { routes, type RouteHandlers, type RouteId, type RouteSpec } from '../api.js';
import { decodeJsonBody } from './body.js';
import { toErrorResponse, type HttpResponse } from './errors.js';

export interface RawRequest {
  params: Record<string, string | undefined>;
  query: unknown;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  authorization: string | undefined;
  /** Raw body bytes as read by the framework (already bounded by BODY_LIMIT_BYTES). */
  body: Uint8Array | undefined;
  /** Aborted when the client has gone before its answer (set by the HTTP edges; never sent over IPC). */
  clientGone?: AbortSignal;
  /** The client's address (per-client limits of anonymous callers, contracts/http/throttle.ts). */
  remoteAddress?: string | undefined;
}

/** `request`, when given, lets one verification serve every stage of that request (verifiedOncePerRequest). */
export type Authenticate = (authorization: string | undefined, request?: RawRequest) => Promise<TokenClaims>;

/**
 * Verifies a request's token once however many stages ask (the rate limit's subject, then the
 * route's auth): the first verification is kept on the request object, never across requests.
 */
export function verifiedOncePerRequest(verify: Authenticate): Authenticate {
  const done = new WeakMap<RawRequest, { authorization: string | undefined; claims: Promise<TokenClaims> }>();
  return (authorization, request) => {
    if (!request) return verify(authorization);
    const seen = done.get(request);
    if (seen && seen.authorization === authorization) return seen.claims;
    const claims = verify(authorization);
    done.set(request, { authorization, claims });
    return claims;
  };
}

export interface BoundRoute {
  id: RouteId;
  spec: RouteSpec;
  handle(req: RawRequest): Promise<HttpResponse>;
}

/** All API routes, ready for a framework to register. */
export function bindRoutes(handlers: RouteHandlers, authenticate: Authenticate): BoundRoute[] {
  return (Object.keys(routes) as RouteId[]).map((id) => bindRoute(id, handlers, authenticate));
}

function bindRoute<K extends RouteId>(id: K, handlers: RouteHandlers, authenticate: Authenticate): BoundRoute {
  const spec: RouteSpec = routes[id];
  const handler = handlers[id] as (req: unknown) => Promise<unknown>;
  return {
    id,
    spec,
    async handle(raw) {
      try {
        const claims = spec.auth ? await authenticate(raw.authorization, raw) : undefined;
        const params = parseOrThrow(spec.params, raw.params, 'params');
        const query = spec.query ? parseOrThrow(spec.query, raw.query ?? {}, 'query') : {};
        const body = spec.body ? decodeJsonBody(raw.contentType, raw.body, raw.contentEncoding) : undefined;
        return { status: spec.status, body: await handler({ params, query, body, claims }) };
      } catch (err) {
        return toErrorResponse(err);
      }
    },
  };
}

// The public HTTP API (shared/DESIGN.md section 3) as data: every HTTP edge (the monolith on
// either framework, later the micro gateway) registers exactly these routes, and parses path
// parameters and query strings with these schemas so that errors name the same fields.
import { z } from 'zod';
import type { TokenClaims } from '../domain/auth/token-service.js';
import { MAX_PAGE_LIMIT } from '../domain/billing/schemas.js';
import { uuidSchema } from '../domain/validation.js';

export type HttpMethod = 'GET' | 'POST';

export interface RouteSpec {
  method: HttpMethod;
  /** `:name` parameters, the syntax fastify, express and our own matcher share. */
  path: string;
  /** Requires `Authorization: Bearer <HS256 JWT>`; checked before anything else. */
  auth: boolean;
  /** Status of a successful answer. */
  status: 200 | 201;
  /** Path parameters; errors name the parameter (e.g. `id`). */
  params: z.ZodType<object>;
  /** Strict when present: an unknown query parameter is a 400. Absent: the query is ignored. */
  query?: z.ZodType<object>;
  /** Expects a JSON body (content-type application/json, at most BODY_LIMIT_BYTES). */
  body: boolean;
}

const noParams = z.object({});
const idParams = z.object({ id: uuidSchema });

// Query values are strings; only plain decimal digits count as a number.
const listInvoicesQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,4}$/, `must be an integer between 1 and ${MAX_PAGE_LIMIT}`)
    .transform(Number)
    .optional(),
  cursor: z.string().optional(),
});

export const routes = {
  health: { method: 'GET', path: '/health', auth: false, status: 200, params: noParams, body: false },
  issueToken: { method: 'POST', path: '/auth/token', auth: false, status: 200, params: noParams, body: true },
  registerUser: { method: 'POST', path: '/users', auth: false, status: 201, params: noParams, body: true },
  getUser: { method: 'GET', path: '/users/:id', auth: false, status: 200, params: idParams, body: false },
  createInvoice: { method: 'POST', path: '/invoices', auth: true, status: 201, params: noParams, body: true },
  listInvoices: {
    method: 'GET',
    path: '/users/:id/invoices',
    auth: true,
    status: 200,
    params: idParams,
    query: listInvoicesQuery,
    body: false,
  },
  payInvoice: { method: 'POST', path: '/invoices/:id/pay', auth: true, status: 200, params: idParams, body: false },
} as const satisfies Record<string, RouteSpec>;

export type Routes = typeof routes;
export type RouteId = keyof Routes;

type QueryOf<R> = R extends { query: z.ZodType } ? z.output<R['query']> : Record<string, never>;

/** What a route handler receives once the edge has authenticated and parsed the request. */
export interface RouteRequest<K extends RouteId> {
  params: z.output<Routes[K]['params']>;
  query: QueryOf<Routes[K]>;
  /** The decoded JSON body (untrusted: the domain validates it), undefined for bodiless routes. */
  body: unknown;
  /** The verified token on `auth` routes; its `sub` (a user id) is the caller the domain checks ownership against. */
  claims: Routes[K]['auth'] extends true ? TokenClaims : undefined;
}

/** One function per route, from parsed request to response body. */
export type RouteHandlers = { [K in RouteId]: (req: RouteRequest<K>) => Promise<unknown> };

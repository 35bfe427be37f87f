// The public HTTP API (shared/DESIGN.md section 3) as data: every HTTP edge (the monolith on
// either framework, the micro gateway) registers exactly these routes, and parses path
// parameters and query strings with these schemas so that errors name the same fields.
//
// Answers every route may give, besides its own:
// - 400 {error:{code:"validation", message, field}} for any bad input, and for a request the
//   HTTP parser cannot read (then the connection closes); 405 {code:"method_not_allowed"} with an
//   Allow header for a known path under another method; 404 for an unknown path; 413 for a body
//   over 64 KiB; 415 for a content-type other than application/json or any content-encoding.
// - 401 on `auth` routes without a valid Bearer token (HS256, 15 min, sub = the user id).
// - 403 when the token's subject does not own the resource (404 for pay: no hint it exists).
// - 502/503/504 {code:"bad_gateway"|"unavailable"|"upstream_timeout"} from the micro gateway when
//   a service call failed (a 503 with Retry-After also asks a sign-up retry to wait, see below). A 503 does NOT mean nothing happened: the service may have committed
//   before the failure (e.g. the user was stored, then announcing it to billing failed). Retrying
//   is safe: sign-up is idempotent (see registerUser), pay is idempotent; a retried
//   POST /invoices may create a second invoice (list the user's invoices to check).
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
  /** {email, password} -> {token}; 401 "invalid email or password", the same for an unknown email and a wrong password. */
  issueToken: { method: 'POST', path: '/auth/token', auth: false, status: 200, params: noParams, body: true },
  /**
   * {name, email, password (8..128 chars)} -> 201 user (never the password or its hash); 409 when
   * the email is taken. Idempotent under retry: the same name, email and password again answer
   * 201 with the existing user (so a sign-up that got a 503 can simply be sent again; while the
   * first attempt may still be completing, the retry gets 503 {code:"unavailable"} with
   * Retry-After: retry again); another name or password for a taken email is a 409. The password is stored as a salted scrypt hash
   * whose cost is a target setting (ARCHBENCH_SCRYPT_N, contracts/password-cost.ts).
   */
  registerUser: { method: 'POST', path: '/users', auth: false, status: 201, params: noParams, body: true },
  getUser: { method: 'GET', path: '/users/:id', auth: false, status: 200, params: idParams, body: false },
  /** {userId, amountCents, currency}; 403 unless userId is the token's subject; 422 when that user does not exist. */
  createInvoice: { method: 'POST', path: '/invoices', auth: true, status: 201, params: noParams, body: true },
  /** Newest first, ?limit=&cursor=; 403 unless :id is the token's subject. */
  listInvoices: {
    method: 'GET',
    path: '/users/:id/invoices',
    auth: true,
    status: 200,
    params: idParams,
    query: listInvoicesQuery,
    body: false,
  },
  /** Idempotent; 404 unless the invoice belongs to the token's subject (the same 404 as an unknown invoice). */
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

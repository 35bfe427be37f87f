// Errors -> HTTP responses, for every edge. Domain errors keep their code and field; a
// framework's own 4xx (body too large, bad content-length) is folded into the same shape;
// anything else is a 500 without internals.
import { DomainError, HTTP_STATUS, type ErrorCode } from '../../domain/errors.js';
import { UpstreamError } from '../../transports/upstream-error.js';
import type { ErrorBody } from '../schemas.js';
import { UNSUPPORTED_ENCODING_MESSAGE } from './body.js';
import { BODY_LIMIT_BYTES } from './limits.js';

export interface HttpResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const CODE_BY_STATUS = new Map<number, ErrorCode>(
  Object.entries(HTTP_STATUS).map(([code, status]) => [status, code as ErrorCode]),
);

function errorBody(code: ErrorBody['error']['code'], message: string, field?: string): ErrorBody {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

export function toErrorResponse(err: unknown, log: (err: unknown) => void = defaultLog): HttpResponse {
  if (err instanceof DomainError) {
    const res: HttpResponse = { status: err.status, body: errorBody(err.code, err.message, err.field) };
    if (err.code === 'unauthorized') res.headers = { 'www-authenticate': 'Bearer' };
    if (err.code === 'unavailable') res.headers = { 'retry-after': '1' };
    return res;
  }
  // A gateway's service call that failed (down, too slow, unreadable): 502/503/504, never a hang.
  if (err instanceof UpstreamError) return { status: err.status, body: errorBody(err.code, err.message) };
  const status = clientStatusOf(err);
  if (status !== undefined) {
    const code = CODE_BY_STATUS.get(status);
    // Our own wording, not the framework's: both frameworks must answer byte-for-byte alike.
    if (code === 'payload_too_large') {
      return { status, body: errorBody(code, `request body exceeds ${BODY_LIMIT_BYTES} bytes`) };
    }
    if (code === 'unsupported_media_type') return { status, body: errorBody(code, UNSUPPORTED_ENCODING_MESSAGE) };
    // Any other framework-level 4xx is a malformed request: 400 on the body.
    return { status: 400, body: errorBody('validation', 'malformed request', 'body') };
  }
  log(err);
  return { status: 500, body: errorBody('internal', 'internal error') };
}

export function notFoundResponse(method: string, path: string): HttpResponse {
  return { status: 404, body: errorBody('not_found', `no route for ${method} ${path}`) };
}

// fastify sets `statusCode`, express/body-parser (http-errors) sets `status` and `statusCode`.
function clientStatusOf(err: unknown): number | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { statusCode?: unknown; status?: unknown };
  const s = typeof e.statusCode === 'number' ? e.statusCode : e.status;
  return typeof s === 'number' && s >= 400 && s < 500 ? s : undefined;
}

function defaultLog(err: unknown): void {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
}

// Errors on the wire: every transport sends a failed call as {code, message, field} and the
// client rebuilds the same DomainError subclass, so the gateway answers exactly what the
// monolith answers (status, code, message, field).
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RetryLaterError,
  UnauthorizedError,
  UnprocessableError,
  UnsupportedMediaTypeError,
  ValidationError,
  type ErrorCode,
} from '../domain/errors.js';
import { UpstreamError } from './upstream-error.js';

export interface WireError {
  /** A domain ErrorCode, or "internal" for anything else (its details stay on the server). */
  code: ErrorCode | 'internal';
  message: string;
  field?: string;
}

const REBUILD: Readonly<Record<ErrorCode, (message: string, field?: string) => DomainError>> = {
  validation: (m, f) => new ValidationError(m, f ?? 'body'),
  unauthorized: (m, f) => new UnauthorizedError(m, f),
  forbidden: (m, f) => new ForbiddenError(m, f),
  not_found: (m, f) => new NotFoundError(m, f),
  conflict: (m, f) => new ConflictError(m, f),
  unprocessable: (m, f) => new UnprocessableError(m, f),
  payload_too_large: (m, f) => new PayloadTooLargeError(m, f),
  unsupported_media_type: (m, f) => new UnsupportedMediaTypeError(m, f),
  unavailable: (m, f) => new RetryLaterError(m, f),
};

/** Server side: what to send for a thrown error. Non-domain errors are logged here, not sent. */
export function toWireError(err: unknown, log: (err: unknown) => void = defaultLog): WireError {
  if (err instanceof DomainError) {
    return err.field === undefined ? { code: err.code, message: err.message } : { code: err.code, message: err.message, field: err.field };
  }
  log(err);
  return { code: 'internal', message: 'internal error' };
}

/** Client side: the error to throw for a received WireError. */
export function fromWireError(w: WireError, service: string): Error {
  const rebuild = w.code === 'internal' ? undefined : REBUILD[w.code];
  if (rebuild) return rebuild(w.message, w.field === '' ? undefined : w.field);
  return new UpstreamError('bad_gateway', service, w.message);
}

/** Runtime check of an untrusted decoded value (a JSON body, a broker message). */
export function isWireError(v: unknown): v is WireError {
  if (!v || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.message === 'string' && (e.field === undefined || typeof e.field === 'string');
}

function defaultLog(err: unknown): void {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
}

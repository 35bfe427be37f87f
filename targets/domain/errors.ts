// One error hierarchy for every service and edge. The `code` is stable and maps 1:1 to an
// HTTP status, so transports (HTTP today, gRPC/queues later) translate errors without guessing.

export type ErrorCode =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable';

export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  unavailable: 503,
};

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** The input field at fault, when there is one. */
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export class ValidationError extends DomainError {
  readonly code = 'validation';
  // A validation error always names the field (or `body` when the payload itself is wrong).
  declare readonly field: string;
  constructor(message: string, field: string) {
    super(message, field);
  }
}

export class UnauthorizedError extends DomainError {
  readonly code = 'unauthorized';
}

/** Authenticated, but the resource belongs to someone else. */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
}

export class ConflictError extends DomainError {
  readonly code = 'conflict';
}

export class UnprocessableError extends DomainError {
  readonly code = 'unprocessable';
}

export class PayloadTooLargeError extends DomainError {
  readonly code = 'payload_too_large';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported_media_type';
}

/** Not now: the same request may succeed a little later (answered with Retry-After). */
export class RetryLaterError extends DomainError {
  readonly code = 'unavailable';
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}

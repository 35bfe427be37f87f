// Errors over gRPC: a standard status code (so any gRPC client understands the failure) plus
// the domain error's code and field in trailing metadata (so ours rebuild it exactly).
import * as grpc from '@grpc/grpc-js';
import type { ErrorCode } from '../../domain/errors.js';
import { UpstreamError } from '../upstream-error.js';
import { fromWireError, toWireError, type WireError } from '../wire-errors.js';

const CODE_KEY = 'archbench-error-code';
const FIELD_KEY = 'archbench-error-field';

const STATUS_OF: Readonly<Record<WireError['code'], grpc.status>> = {
  validation: grpc.status.INVALID_ARGUMENT,
  unauthorized: grpc.status.UNAUTHENTICATED,
  forbidden: grpc.status.PERMISSION_DENIED,
  not_found: grpc.status.NOT_FOUND,
  conflict: grpc.status.ALREADY_EXISTS,
  unprocessable: grpc.status.FAILED_PRECONDITION,
  payload_too_large: grpc.status.RESOURCE_EXHAUSTED,
  unsupported_media_type: grpc.status.INVALID_ARGUMENT,
  unavailable: grpc.status.UNAVAILABLE,
  internal: grpc.status.INTERNAL,
};

export function toGrpcError(err: unknown): Partial<grpc.StatusObject> {
  const wire = toWireError(err);
  const metadata = new grpc.Metadata();
  metadata.set(CODE_KEY, wire.code);
  if (wire.field !== undefined) metadata.set(FIELD_KEY, wire.field);
  return { code: STATUS_OF[wire.code], details: wire.message, metadata };
}

const DOMAIN_CODES = new Set<string>(Object.keys(STATUS_OF));

export function fromGrpcError(err: grpc.ServiceError, service: string): Error {
  const code = err.metadata?.get(CODE_KEY)[0];
  if (typeof code === 'string' && DOMAIN_CODES.has(code)) {
    const field = err.metadata.get(FIELD_KEY)[0];
    const wire: WireError = { code: code as ErrorCode | 'internal', message: err.details };
    if (typeof field === 'string') wire.field = field;
    return fromWireError(wire, service);
  }
  if (err.code === grpc.status.DEADLINE_EXCEEDED) return new UpstreamError('upstream_timeout', service, err.details, { cause: err });
  if (err.code === grpc.status.UNAVAILABLE || err.code === grpc.status.CANCELLED) {
    return new UpstreamError('unavailable', service, err.details, { cause: err });
  }
  return new UpstreamError('bad_gateway', service, `${grpc.status[err.code]}: ${err.details}`, { cause: err });
}

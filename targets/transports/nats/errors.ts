// NATS failures -> UpstreamError with the codes the gateway maps to 503/504.
import { ErrorCode, NatsError } from 'nats';
import { UpstreamError } from '../upstream-error.js';

export function fromNatsError(err: unknown, service: string, timeoutMs: number): Error {
  if (err instanceof UpstreamError) return err;
  if (err instanceof NatsError) {
    if (err.code === ErrorCode.Timeout) return new UpstreamError('upstream_timeout', service, `no answer within ${timeoutMs} ms`, { cause: err });
    if (err.code === ErrorCode.NoResponders) return new UpstreamError('unavailable', service, 'no instance is subscribed', { cause: err });
    return new UpstreamError('unavailable', service, `${err.code}: ${err.message}`, { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}

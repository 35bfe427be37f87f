// A service call that failed for a reason that is not the caller's: the service is down, did
// not answer in time, or answered something unreadable. The gateway turns it into 502/503/504
// with the usual JSON error body (contracts/http/errors.ts), never a hang or a bare 500.

export type UpstreamFailure = 'unavailable' | 'upstream_timeout' | 'bad_gateway';

const STATUS: Readonly<Record<UpstreamFailure, 502 | 503 | 504>> = {
  unavailable: 503,
  upstream_timeout: 504,
  bad_gateway: 502,
};

export class UpstreamError extends Error {
  readonly code: UpstreamFailure;
  /** The service that failed, e.g. "users". */
  readonly service: string;

  constructor(code: UpstreamFailure, service: string, detail: string, options?: { cause?: unknown }) {
    super(`${service} service ${code === 'unavailable' ? 'is unavailable' : code === 'upstream_timeout' ? 'did not answer in time' : 'failed'}: ${detail}`, options);
    this.name = 'UpstreamError';
    this.code = code;
    this.service = service;
  }

  get status(): 502 | 503 | 504 {
    return STATUS[this.code];
  }
}

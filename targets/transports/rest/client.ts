// Client half of the rest transport: one undici Pool (keep-alive, HTTP/1.1) per instance of
// the called service, round-robin between instances, a deadline per call.
import { Pool, errors as undiciErrors } from 'undici';
import type { DomainEventType } from '../../domain/events.js';
import { RoundRobin } from '../round-robin.js';
import type { Endpoint } from '../transport.js';
import { UpstreamError } from '../upstream-error.js';
import { fromWireError, isWireError } from '../wire-errors.js';
import { eventPath, operationPath } from './paths.js';

/** Connections per instance: enough for the gateway's concurrency without a queue in front. */
const CONNECTIONS_PER_INSTANCE = 64;

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function hostOf(e: Endpoint): string {
  return e.host.includes(':') ? `[${e.host}]` : e.host;
}

/** Network-level failures -> UpstreamError; everything else passes through. */
function upstreamError(err: unknown, service: string): Error {
  if (err instanceof UpstreamError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) return new UpstreamError('upstream_timeout', service, code, { cause: err });
  if (err instanceof undiciErrors.UndiciError || (typeof code === 'string' && /^E[A-Z]+$/.test(code))) {
    return new UpstreamError('unavailable', service, err instanceof Error ? err.message || String(code) : String(code), { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}

export class RestChannel {
  readonly #service: string;
  readonly #pools: RoundRobin<Pool>;

  constructor(service: string, endpoints: readonly Endpoint[], timeoutMs: number) {
    this.#service = service;
    this.#pools = new RoundRobin(
      endpoints.map(
        (e) =>
          new Pool(`http://${hostOf(e)}:${e.port}`, {
            connections: CONNECTIONS_PER_INSTANCE,
            pipelining: 1,
            keepAliveTimeout: 60_000,
            headersTimeout: timeoutMs,
            bodyTimeout: timeoutMs,
            connectTimeout: timeoutMs,
          }),
      ),
      `${service} instances`,
    );
  }

  call(operation: string, input: unknown): Promise<unknown> {
    return this.#post(operationPath(operation), input).then((body) => (body as { result: unknown }).result);
  }

  async deliver(type: DomainEventType, event: unknown): Promise<void> {
    await this.#post(eventPath(type), event);
  }

  async #post(path: string, input: unknown): Promise<unknown> {
    let status: number;
    let body: unknown;
    try {
      const res = await this.#pools.next().request({
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
        // No AbortSignal per call: the pool's connect/headers/body timeouts bound every phase,
        // and a per-call timer cost ~20 us of CPU per call in scripts/profile-request.ts.
      });
      status = res.statusCode;
      body = status === 204 ? undefined : await res.body.json();
    } catch (err) {
      if (err instanceof SyntaxError) throw new UpstreamError('bad_gateway', this.#service, 'reply is not JSON', { cause: err });
      throw upstreamError(err, this.#service);
    }
    if (status === 200 || status === 204) return body;
    const wire = (body as { error?: unknown } | null)?.error;
    if (isWireError(wire)) throw fromWireError(wire, this.#service);
    throw new UpstreamError('bad_gateway', this.#service, `unexpected status ${status}`);
  }

  async close(): Promise<void> {
    await Promise.all(this.#pools.all().map((p) => p.close()));
  }
}

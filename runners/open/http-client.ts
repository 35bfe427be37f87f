// Keep-alive HTTP/1.1 connections (undici Pool, one request per connection at a time) and a
// low-overhead send: undici's dispatch with a handler, no stream per response.
import { Pool, buildConnector } from 'undici';
import { isLoopbackAddress } from '../../common/loopback.js';
import type { BuiltRequest } from '../request-mix.js';

export type SendCallback = (status: number, err: Error | null) => void;

export interface HttpClient {
  send(r: BuiltRequest, done: SendCallback): void;
  close(): Promise<void>;
}

export class RemoteAddressError extends Error {
  readonly code = 'ERR_REMOTE_TARGET';
}

/**
 * Connections to `url`. Unless allowRemote, a socket whose peer is not a loopback address is
 * refused at connect time: the URL check is not enough when a name resolves elsewhere.
 */
export function httpClient(url: string, opts: { connections: number; timeoutMs: number; allowRemote: boolean }): HttpClient {
  const base = new URL(url);
  const prefix = base.pathname.replace(/\/$/, '');
  const connector = buildConnector({});
  const pool = new Pool(base.origin, {
    connections: Math.max(1, opts.connections),
    pipelining: 1,
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    connect: (connectOpts, cb) => {
      connector(connectOpts, (err, socket) => {
        if (err || !socket) return cb(err ?? new Error('no socket'), null);
        const peer = socket.remoteAddress ?? '';
        if (!opts.allowRemote && !isLoopbackAddress(peer)) {
          socket.destroy();
          return cb(new RemoteAddressError(`refusing to send load to ${peer}: not a loopback address (pass --allow-remote if the machine is yours to load)`), null);
        }
        cb(null, socket);
      });
    },
  });
  return {
    send(r, done) {
      let status = 0;
      pool.dispatch(
        { origin: base.origin, path: prefix + r.path, method: r.method, headers: r.headers, body: r.body ?? null },
        {
          onRequestStart() {},
          onResponseStart(_c: unknown, statusCode: number) {
            status = statusCode;
          },
          onResponseData() {},
          onResponseEnd() {
            done(status, null);
          },
          onResponseError(_c: unknown, err: Error) {
            done(status, err);
          },
        },
      );
    },
    close: () => pool.destroy(),
  };
}

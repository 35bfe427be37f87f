// The undici transport: keep-alive HTTP/1.1 through an undici Pool (one request per connection
// at a time), dispatched with a handler (no stream per response). It speaks what the lean
// transport does not: https URLs (TLS).
import { Pool, buildConnector } from 'undici';
import { refusedPeer } from '../../../common/loopback.js';
import { type HttpClient, type HttpClientOptions } from './transport.js';

export function undiciClient(base: URL, opts: HttpClientOptions): HttpClient {
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
        const refused = refusedPeer(socket.remoteAddress, opts.allowRemote);
        if (refused) {
          socket.destroy();
          return cb(refused, null);
        }
        cb(null, socket);
      });
    },
  });
  return {
    send(r, done) {
      let status = 0;
      // Only requests with checks keep their body: the others spend nothing on it.
      const chunks: Buffer[] | null = r.checks ? [] : null;
      pool.dispatch(
        { origin: base.origin, path: prefix + r.path, method: r.method, headers: r.headers, body: r.body ?? null },
        {
          onRequestStart() {},
          onResponseStart(_c: unknown, statusCode: number) {
            status = statusCode;
          },
          onResponseData(_c: unknown, chunk: Buffer) {
            chunks?.push(chunk);
          },
          onResponseEnd() {
            done(status, null, chunks ? Buffer.concat(chunks).toString('utf8') : undefined);
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

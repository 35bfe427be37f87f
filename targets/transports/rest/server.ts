// Server half of the rest transport: a bare node:http server (no framework: the framework axis
// is the gateway's), JSON in, JSON out. 200 {result} on success, the domain error's HTTP status
// with {error:{code,message,field}} on failure, 204 to acknowledge an event.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP_STATUS } from '../../domain/errors.js';
import { userRegisteredSchema, type DomainEventType } from '../../domain/events.js';
import { findOperation } from '../dispatch.js';
import type { ServeOptions, ServedInstance, ServiceName, ServiceOperations } from '../transport.js';
import { toWireError, type WireError } from '../wire-errors.js';
import { REST_BODY_LIMIT_BYTES } from './paths.js';

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

function sendError(res: ServerResponse, err: WireError): void {
  send(res, err.code === 'internal' ? 500 : HTTP_STATUS[err.code], { error: err });
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > REST_BODY_LIMIT_BYTES) {
        reject(new Error(`request body exceeds ${REST_BODY_LIMIT_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (err) {
        reject(err);
      }
    });
    req.on('error', reject);
  });
}

export async function serveRest<S extends ServiceName>(service: S, impl: ServiceOperations[S], opts: ServeOptions): Promise<ServedInstance> {
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    if (req.method !== 'POST') return send(res, 405, { error: { code: 'validation', message: 'POST only' } });
    if (url.startsWith('/rpc/')) {
      const op = findOperation(service, impl, url.slice(5));
      if (!op) return send(res, 404, { error: { code: 'not_found', message: `${service} has no operation ${url.slice(5)}` } });
      readJson(req)
        .then((input) => op(input))
        .then((result) => send(res, 200, { result }), (err: unknown) => sendError(res, toWireError(err)));
      return;
    }
    if (url.startsWith('/events/')) {
      const type = url.slice(8) as DomainEventType;
      const consumer = opts.consumes?.[type];
      if (!consumer) return send(res, 404, { error: { code: 'not_found', message: `${opts.instance} does not consume ${type}` } });
      readJson(req)
        .then((body) => consumer(userRegisteredSchema.parse(body)))
        .then(() => send(res, 204), (err: unknown) => sendError(res, toWireError(err)));
      return;
    }
    send(res, 404, { error: { code: 'not_found', message: `no route ${url}` } });
  });
  // Peers keep their pooled connections open; never drop them while idle in a benchmark.
  server.keepAliveTimeout = 72_000;
  server.headersTimeout = 73_000;
  server.listen(opts.port, opts.host);
  await once(server, 'listening');
  const addr = server.address() as AddressInfo;
  return {
    endpoint: { host: addr.address, port: addr.port },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

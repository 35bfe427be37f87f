// The lean HTTP/1.1 transport against real servers on ephemeral ports: a node:http server for
// what servers do (keep-alive, chunked, large bodies, Connection: close), and raw TCP servers for
// what they should not (malformed responses, silence, closing mid-response).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import net from 'node:net';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { httpClient, type HttpClient } from '../../../runners/engine/http/client.js';
import type { BuiltRequest } from '../../../runners/engine/request-mix.js';
import { RequestMix } from '../../../runners/engine/request-mix.js';
import { Recorder } from '../../../runners/engine/recorder.js';
import { runClosedLoop } from '../../../runners/engine/closed-loop.js';
import { requestContext } from '../../../runners/engine/context.js';
import type { LoadClient, PreparedCall } from '../../../runners/engine/load-client.js';
import { builtRequest } from './built-request.js';

const closers: Array<() => Promise<unknown>> = [];
afterAll(() => Promise.all(closers.map((c) => c())));

async function listen(server: Server | net.Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(() => {
    (server as Server).closeAllConnections?.();
    return new Promise((r) => server.close(r));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A node:http server whose handler sees each request's body; counts TCP connections. */
async function httpServer(
  handler: (req: IncomingMessage, body: string, res: ServerResponse) => void,
): Promise<{ url: string; connections: () => number; closeIdle: () => void }> {
  let connections = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => handler(req, body, res));
  });
  server.on('connection', () => connections++);
  return { url: await listen(server), connections: () => connections, closeIdle: () => server.closeIdleConnections() };
}

/** A raw TCP server: `reply` gets each chunk the client sent and answers with bytes (or nothing). */
async function rawServer(reply: (socket: net.Socket, data: Buffer, n: number) => void): Promise<string> {
  let n = 0;
  const server = net.createServer((socket) => {
    socket.on('data', (d) => reply(socket, d, n++));
    socket.on('error', () => {});
  });
  return listen(server);
}

const request = builtRequest;

const send = (c: HttpClient, r: BuiltRequest = request()) =>
  new Promise<{ status: number; err: Error | null; sync: boolean }>((resolve) => {
    let returned = false;
    c.send(r, (status, err) => resolve({ status, err, sync: !returned }));
    returned = true;
  });

function client(url: string, connections = 1, timeoutMs = 2000): HttpClient {
  const c = httpClient(url, { connections, timeoutMs, allowRemote: false, transport: 'h1' });
  closers.push(() => c.close());
  return c;
}

describe('h1 transport against node:http', () => {
  it('sends method, path, headers and body as given, and reuses its connections', async () => {
    const seen: string[] = [];
    const s = await httpServer((req, body, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers['content-type'] ?? '-'} ${req.headers['content-length'] ?? '-'} ${body}`);
      res.statusCode = req.method === 'POST' ? 201 : 200;
      res.end('{"ok":true}');
    });
    const c = client(`${s.url}/base/`, 2);
    const body = JSON.stringify({ name: 'Zoë' });
    const results = await Promise.all([
      send(c, request({ path: '/users/7' })),
      send(c, request({ method: 'POST', path: '/users', body, headers: { 'content-type': 'application/json' } })),
      send(c, request({ method: 'POST', path: '/invoices/1/pay' })),
      send(c, request({ method: 'HEAD', path: '/h' })),
      send(c, request({ path: '/users/8' })),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 201, 201, 200, 200]);
    expect(results.every((r) => r.err === null && !r.sync)).toBe(true);
    expect(seen.sort()).toEqual(
      [
        'GET /base/users/7 - - ',
        `POST /base/users application/json ${Buffer.byteLength(body)} ${body}`,
        'POST /base/invoices/1/pay - 0 ',
        'HEAD /base/h - - ',
        'GET /base/users/8 - - ',
      ].sort(),
    );
    // Five requests, more than the two connections: queued, and carried by two keep-alive sockets.
    expect(s.connections()).toBe(2);
  });

  it('reads chunked and large bodies split over many reads', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const s = await httpServer((req, _b, res) => {
      if (req.url === '/chunked') {
        res.write('a'.repeat(70_000));
        setTimeout(() => res.end('tail'), 5);
      } else res.end(big);
    });
    const c = client(s.url);
    for (let i = 0; i < 3; i++) {
      expect(await send(c, request({ path: '/chunked' }))).toMatchObject({ status: 200, err: null });
      expect(await send(c, request({ path: '/big' }))).toMatchObject({ status: 200, err: null });
    }
    expect(s.connections()).toBe(1);
  });

  it('reconnects after Connection: close, and after the server closes idle connections', async () => {
    const s = await httpServer((req, _b, res) => {
      if (req.url === '/close') res.setHeader('connection', 'close');
      res.end('ok');
    });
    const c = client(s.url);
    expect((await send(c, request({ path: '/close' }))).status).toBe(200);
    expect((await send(c, request({ path: '/close' }))).status).toBe(200);
    expect((await send(c)).status).toBe(200);
    expect(s.connections()).toBe(3);
  });

  it('notices a keep-alive connection the server closed while idle, and reconnects', async () => {
    const s = await httpServer((_q, _b, res) => res.end('ok'));
    const c = client(s.url);
    expect((await send(c)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    // The server drops its idle keep-alive connection (as at its keepAliveTimeout).
    s.closeIdle();
    await new Promise((r) => setTimeout(r, 50));
    expect(await send(c)).toMatchObject({ status: 200, err: null });
    expect(s.connections()).toBe(2);
  });

  it('drives the closed loop with a request mix: every response counted, none lost', async () => {
    let served = 0;
    const s = await httpServer((req, _b, res) => {
      served++;
      res.statusCode = req.url!.startsWith('/missing') ? 404 : 200;
      res.end('{}');
    });
    const ctx = requestContext({ userIds: ['a', 'b'], invoiceIds: ['i'], authorization: 'Bearer t' }, 't');
    const mix = new RequestMix(
      [
        { name: 'ok', weight: 3, request: (x) => ({ method: 'GET', path: `/users/${x.userId()}` }) },
        { name: 'missing', weight: 1, request: () => ({ method: 'GET', path: '/missing' }) },
        { name: 'post', weight: 1, request: (x) => ({ method: 'POST', path: '/p', body: { id: x.unique() } }) },
      ],
      ctx,
    );
    const c = httpClient(s.url, { connections: 4, timeoutMs: 2000, allowRemote: false, transport: 'h1' }) as unknown as LoadClient<PreparedCall>;
    const recorder = new Recorder(mix.names);
    await runClosedLoop({ type: 'constant-vus', vus: 4, duration: '500ms' }, mix, c, { index: 0, count: 1 }, recorder, new AbortController().signal);
    await c.close();
    const sample = recorder.finish(500);
    expect(sample.requests).toBeGreaterThan(100);
    expect(sample.requests).toBe(served);
    expect(sample.errorsByKind).toEqual({ http_404: sample.byRequest.get('missing')!.requests });
    expect(sample.byRequest.get('post')!.errors).toBe(0);
  });
});

describe('h1 transport against misbehaving servers', () => {
  it('counts a malformed response as an error with its code, then goes on with a new connection', async () => {
    const url = await rawServer((socket, _d, n) => {
      socket.write(n === 0 ? 'HTTP/1.1 2xx Nope\r\n\r\n' : 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    });
    const c = client(url);
    const bad = await send(c);
    expect(bad.status).toBe(0);
    expect(bad.err).toMatchObject({ code: 'HPE_INVALID_STATUS' });
    expect(await send(c)).toMatchObject({ status: 200, err: null });
  });

  it('treats bytes beyond the stated length as a framing error', async () => {
    const url = await rawServer((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA'));
    expect((await send(client(url))).err).toMatchObject({ code: 'HPE_UNEXPECTED_DATA' });
  });

  it('reads a body that ends when the server closes', async () => {
    const url = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\n\r\nuntil close'));
    const c = client(url);
    expect(await send(c)).toMatchObject({ status: 200, err: null });
    expect(await send(c)).toMatchObject({ status: 200, err: null });
  });

  it('says ERR_SOCKET_CLOSED when the server closes mid-response', async () => {
    const url = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort'));
    expect((await send(client(url))).err).toMatchObject({ code: 'ERR_SOCKET_CLOSED' });
  });

  it('times a silent server out after about timeoutMs', async () => {
    const url = await rawServer(() => {});
    const t0 = performance.now();
    const r = await send(client(url, 1, 300));
    const ms = performance.now() - t0;
    expect(r.err).toMatchObject({ code: 'ERR_REQUEST_TIMEOUT' });
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(ms).toBeLessThan(1500);
  });

  it('reports a refused connection by its system code, asynchronously, each time', async () => {
    const probe = net.createServer();
    const url = await listen(probe);
    await new Promise((r) => probe.close(r));
    const c = client(url);
    for (let i = 0; i < 2; i++) {
      const r = await send(c);
      expect(r.err).toMatchObject({ code: 'ECONNREFUSED' });
      expect(r.sync).toBe(false);
    }
  });

  it('refuses an invalid request without sending it, asynchronously', async () => {
    const s = await httpServer((_q, _b, res) => res.end());
    const r = await send(client(s.url), request({ headers: { 'x-a': 'v\r\nx-b: injected' } }));
    expect(r).toMatchObject({ status: 0, sync: false, err: { code: 'ERR_INVALID_REQUEST' } });
    expect(s.connections()).toBe(0);
  });

  it('fails what is outstanding when closed', async () => {
    const url = await rawServer(() => {});
    const c = httpClient(url, { connections: 1, timeoutMs: 5000, allowRemote: false, transport: 'h1' });
    const a = send(c);
    const b = send(c);
    await new Promise((r) => setTimeout(r, 50));
    await c.close();
    expect((await a).err).toMatchObject({ code: 'ERR_CLIENT_CLOSED' });
    expect((await b).err).toMatchObject({ code: 'ERR_CLIENT_CLOSED' });
  });
});

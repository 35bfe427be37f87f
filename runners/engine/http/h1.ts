// The lean HTTP/1.1 transport: one net.Socket per connection, one request at a time on each
// (keep-alive, no pipelining), the request's bytes written in one write (h1-request.ts), the
// response read into one buffer shared by all connections (net's `onread`, no Buffer per read)
// and parsed without strings (h1-parser.ts). What undici spends per request on its Request
// object, handler chain, header parsing into strings and body stream is not spent here.
//
// Per request it keeps: the callback, the request's timeout tick, and nothing else. Timeouts are
// checked by one sweep per client (a coarse tick, no timer per request); a connection that
// failed, timed out, or was closed by the server reconnects on its next request.
import net from 'node:net';
import type { BuiltRequest } from '../request-mix.js';
import type { SendCallback } from '../load-client.js';
import { FAILED, INCOMPLETE, ResponseParser } from './h1-parser.js';
import { RequestWriter } from './h1-request.js';
import { refusedPeer } from '../../../common/loopback.js';
import { TransportError, type HttpClient, type HttpClientOptions } from './transport.js';

const READ_BUFFER_BYTES = 64 * 1024;

interface Queued {
  bytes: Buffer;
  head: boolean;
  done: SendCallback;
}

export function h1Client(url: URL, opts: HttpClientOptions): HttpClient {
  return new H1Client(url, opts);
}

class H1Client implements HttpClient {
  readonly #writer: RequestWriter;
  readonly #connections: Connection[] = [];
  readonly #idle: Connection[] = [];
  /** Requests waiting for a connection (only when more are sent than there are connections). */
  #queue: Queued[] = [];
  #queueHead = 0;
  readonly #sweep: NodeJS.Timeout;
  /** Coarse clock of the timeout sweep. */
  tick = 0;
  readonly tickMs: number;
  closed = false;

  constructor(url: URL, readonly opts: HttpClientOptions) {
    this.#writer = new RequestWriter(url.host, url.pathname.replace(/\/$/, ''));
    const endpoint = { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 80) };
    // Every connection reads into this one buffer: reads are handled one at a time, and the
    // parser copies the only bytes it keeps (a header block split across reads).
    const readBuffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    for (let i = 0; i < Math.max(1, opts.connections); i++) {
      const c = new Connection(this, endpoint, readBuffer);
      this.#connections.push(c);
      this.#idle.push(c);
    }
    this.tickMs = Math.min(1000, Math.max(5, opts.timeoutMs / 10));
    this.#sweep = setInterval(() => {
      this.tick++;
      for (const c of this.#connections) c.checkTimeout();
    }, this.tickMs);
    this.#sweep.unref();
  }

  send(r: BuiltRequest, done: SendCallback): void {
    let bytes: Buffer;
    try {
      if (this.closed) throw new TransportError('ERR_CLIENT_CLOSED', 'the client is closed');
      bytes = this.#writer.bytes(r);
    } catch (err) {
      // Never call back synchronously: a loop that sends again from its callback would recurse.
      process.nextTick(done, 0, err as Error);
      return;
    }
    const head = r.method === 'HEAD';
    const c = this.#idle.pop();
    if (c) c.send(bytes, head, done);
    else this.#queue.push({ bytes, head, done });
  }

  async connect(count: number): Promise<void> {
    // The idle stack hands out its top first: connect those, or the first requests would take
    // connections that were not opened and pay the handshakes anyway.
    const n = Math.min(this.#idle.length, Math.max(0, count));
    await Promise.all(this.#idle.slice(this.#idle.length - n).map((c) => c.preconnect()));
  }

  /** A connection finished its request: it takes the next queued one or becomes idle. */
  release(c: Connection): void {
    if (this.#queueHead < this.#queue.length) {
      const q = this.#queue[this.#queueHead]!;
      this.#queue[this.#queueHead++] = undefined as unknown as Queued;
      if (this.#queueHead === this.#queue.length) {
        this.#queue = [];
        this.#queueHead = 0;
      }
      c.send(q.bytes, q.head, q.done);
    } else {
      this.#idle.push(c);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.#sweep);
    const queued = this.#queue.slice(this.#queueHead);
    this.#queue = [];
    this.#queueHead = 0;
    for (const c of this.#connections) c.destroy(new TransportError('ERR_CLIENT_CLOSED', 'the client was closed before the response'));
    for (const q of queued) q.done(0, new TransportError('ERR_CLIENT_CLOSED', 'the client was closed before the request was sent'));
  }
}

class Connection {
  readonly #client: H1Client;
  readonly #endpoint: { host: string; port: number };
  readonly #readBuffer: Buffer;
  readonly #parser = new ResponseParser();
  #socket: net.Socket | null = null;
  #connected = false;
  /** Bytes to write once connected (and the peer checked). */
  #pending: Buffer | null = null;
  #done: SendCallback | null = null;
  #sentTick = 0;

  constructor(client: H1Client, endpoint: { host: string; port: number }, readBuffer: Buffer) {
    this.#client = client;
    this.#endpoint = endpoint;
    this.#readBuffer = readBuffer;
  }

  send(bytes: Buffer, head: boolean, done: SendCallback): void {
    this.#done = done;
    this.#sentTick = this.#client.tick;
    this.#parser.expect(head);
    if (this.#socket !== null && this.#connected) {
      this.#socket.write(bytes);
      return;
    }
    this.#pending = bytes;
    if (this.#socket === null) this.#connect();
  }

  /** Connects ahead of the first request; settles on connect, error or close. */
  preconnect(): Promise<void> {
    if (this.#socket !== null || this.#client.closed) return Promise.resolve();
    this.#connect();
    const socket = this.#socket!;
    return new Promise<void>((resolve) => {
      const settle = () => {
        socket.off('connect', settle).off('error', settle).off('close', settle);
        resolve();
      };
      socket.once('connect', settle).once('error', settle).once('close', settle);
    });
  }

  #connect(): void {
    const socket = net.connect({
      host: this.#endpoint.host,
      port: this.#endpoint.port,
      noDelay: true,
      onread: {
        buffer: this.#readBuffer,
        callback: (nread: number, buf: Buffer) => {
          if (socket === this.#socket) this.#onData(buf, nread);
          return true;
        },
      },
    });
    this.#socket = socket;
    this.#connected = false;
    socket.on('connect', () => {
      if (socket !== this.#socket) return;
      const refused = refusedPeer(socket.remoteAddress, this.#client.opts.allowRemote);
      if (refused) {
        this.#fail(refused);
        return;
      }
      this.#connected = true;
      const bytes = this.#pending;
      this.#pending = null;
      if (bytes !== null) socket.write(bytes);
    });
    socket.on('error', (err) => {
      if (socket === this.#socket) this.#fail(err);
    });
    socket.on('end', () => {
      if (socket === this.#socket) this.#onEnd();
    });
    socket.on('close', () => {
      if (socket === this.#socket) this.#onEnd();
    });
  }

  #onData(buf: Buffer, nread: number): void {
    const status = this.#parser.execute(buf, 0, nread);
    if (status === INCOMPLETE) return;
    if (status === FAILED) return this.#fail(this.#parser.error!);
    // Without pipelining nothing may follow a response in the same read: the server framed it wrongly.
    if (this.#parser.trailing > 0) {
      return this.#fail(new TransportError('HPE_UNEXPECTED_DATA', `${this.#parser.trailing} bytes after the end of the response (wrong Content-Length?)`));
    }
    if (!this.#parser.keepAlive) this.#drop();
    this.#finish(status, null);
  }

  /** The server closed (or half-closed) the connection. */
  #onEnd(): void {
    const status = this.#parser.eof();
    if (status === FAILED) return this.#fail(this.#parser.error!);
    this.#drop();
    if (status > 0) this.#finish(status, null);
  }

  /** The sweep's check: a request older than the timeout fails and its connection is dropped. */
  checkTimeout(): void {
    if (this.#done === null) return;
    const c = this.#client;
    if ((c.tick - this.#sentTick - 1) * c.tickMs < c.opts.timeoutMs) return;
    this.#fail(new TransportError('ERR_REQUEST_TIMEOUT', `no complete response within ${c.opts.timeoutMs} ms (timed out)`));
  }

  /** Fails the outstanding request (if any) and drops the socket; the next request reconnects. */
  #fail(err: Error): void {
    this.#drop();
    if (this.#done !== null) this.#finish(0, err);
  }

  destroy(err: Error): void {
    this.#fail(err);
  }

  #drop(): void {
    const s = this.#socket;
    this.#socket = null;
    this.#connected = false;
    this.#pending = null;
    s?.destroy();
  }

  #finish(status: number, err: Error | null): void {
    const done = this.#done!;
    this.#done = null;
    // Released first: a closed loop sends its next request from the callback, on this connection.
    if (!this.#client.closed) this.#client.release(this);
    done(status, err);
  }
}

// The lean transport's response parser: every framing, split into reads at every byte, and
// malformed input answered with an error code, never an exception.
import { describe, expect, it } from 'vitest';
import { FAILED, INCOMPLETE, MAX_HEADER_BYTES, ResponseParser } from '../../../runners/engine/http/h1-parser.js';

const crlf = (s: string) => Buffer.from(s.replace(/\n/g, '\r\n'), 'latin1');

/** Feeds `wire` in the given pieces; returns the first non-INCOMPLETE result and where it came. */
function feed(p: ResponseParser, pieces: Buffer[]): { result: number; piece: number } {
  for (let k = 0; k < pieces.length; k++) {
    // Each read lands in a shared buffer that the next read overwrites, as with net's onread.
    const shared = Buffer.alloc(pieces[k]!.length + 8, 0xee);
    pieces[k]!.copy(shared, 3);
    const r = p.execute(shared, 3, 3 + pieces[k]!.length);
    shared.fill(0xee);
    if (r !== INCOMPLETE) return { result: r, piece: k };
  }
  return { result: INCOMPLETE, piece: pieces.length };
}

/** Every way to cut `wire` in two, plus one byte at a time. */
function splits(wire: Buffer): Buffer[][] {
  const out: Buffer[][] = [];
  for (let at = 1; at < wire.length; at++) out.push([wire.subarray(0, at), wire.subarray(at)]);
  out.push(Array.from(wire, (b) => Buffer.from([b])));
  return out;
}

function parseWhole(wire: Buffer, head = false): { p: ResponseParser; result: number } {
  const p = new ResponseParser();
  p.expect(head);
  return { p, result: p.execute(wire) };
}

describe('ResponseParser', () => {
  it('reads a Content-Length response in one read, with keep-alive', () => {
    const { p, result } = parseWhole(crlf('HTTP/1.1 200 OK\nServer: nginx\nContent-Length: 11\nConnection: keep-alive\n\n{"ok":true}'));
    expect(result).toBe(200);
    expect(p.keepAlive).toBe(true);
    expect(p.trailing).toBe(0);
    expect(p.busy).toBe(false);
  });

  it('completes at the same byte however the response is split (Content-Length body)', () => {
    const wire = crlf('HTTP/1.1 404 Not Found\ncontent-length: 9\n\nnot found');
    for (const pieces of splits(wire)) {
      const p = new ResponseParser();
      p.expect(false);
      expect(feed(p, pieces)).toEqual({ result: 404, piece: pieces.length - 1 });
      expect(p.trailing).toBe(0);
    }
  });

  it('joins headers split across reads, even inside CRLFCRLF and header names', () => {
    const wire = crlf('HTTP/1.1 201 Created\nX-A: 1\nCONTENT-LENGTH:   4  \nConnection: close\n\nabcd');
    for (const pieces of splits(wire)) {
      const p = new ResponseParser();
      p.expect(false);
      expect(feed(p, pieces).result).toBe(201);
      expect(p.keepAlive).toBe(false);
    }
  });

  it('reads chunked bodies with extensions and trailers across any split', () => {
    const wire = crlf('HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n5;name=v\nhello\n1A\nabcdefghijklmnopqrstuvwxyz\n0\nX-Trailer: yes\n\n');
    for (const pieces of splits(wire)) {
      const p = new ResponseParser();
      p.expect(false);
      expect(feed(p, pieces)).toEqual({ result: 200, piece: pieces.length - 1 });
      expect(p.keepAlive).toBe(true);
      expect(p.trailing).toBe(0);
    }
  });

  it('knows which responses have no body: HEAD, 204, 304', () => {
    expect(parseWhole(crlf('HTTP/1.1 200 OK\nContent-Length: 500\n\n'), true).result).toBe(200);
    expect(parseWhole(crlf('HTTP/1.1 204 No Content\n\n')).result).toBe(204);
    expect(parseWhole(crlf('HTTP/1.1 304 Not Modified\nContent-Length: 12\n\n')).result).toBe(304);
    expect(parseWhole(crlf('HTTP/1.1 200 OK\nContent-Length: 0\n\n')).result).toBe(200);
  });

  it('skips interim 1xx responses, in one read or split', () => {
    const wire = crlf('HTTP/1.1 100 Continue\n\nHTTP/1.1 103 Early Hints\nLink: </a>\n\nHTTP/1.1 200 OK\nContent-Length: 2\n\nok');
    expect(parseWhole(wire).result).toBe(200);
    for (const pieces of splits(wire)) {
      const p = new ResponseParser();
      p.expect(false);
      expect(feed(p, pieces).result).toBe(200);
    }
  });

  it('follows Connection and the HTTP version for reuse', () => {
    expect(parseWhole(crlf('HTTP/1.0 200 OK\nContent-Length: 0\n\n')).p.keepAlive).toBe(false);
    expect(parseWhole(crlf('HTTP/1.0 200 OK\nConnection: Keep-Alive\nContent-Length: 0\n\n')).p.keepAlive).toBe(true);
    expect(parseWhole(crlf('HTTP/1.1 200 OK\nConnection: Upgrade, CLOSE\nContent-Length: 0\n\n')).p.keepAlive).toBe(false);
    expect(parseWhole(crlf('HTTP/1.1 200 OK\nConnection: CLOSE\nContent-Length: 0\n\n')).p.keepAlive).toBe(false);
    // Both framings at once: chunked wins and the connection is not reused (RFC 9112 6.3).
    const both = parseWhole(crlf('HTTP/1.1 200 OK\nContent-Length: 3\nTransfer-Encoding: chunked\n\n0\n\n'));
    expect(both.result).toBe(200);
    expect(both.p.keepAlive).toBe(false);
  });

  it('reads a body without length until the server closes', () => {
    const p = new ResponseParser();
    p.expect(false);
    expect(p.execute(crlf('HTTP/1.1 200 OK\n\nsome body'))).toBe(INCOMPLETE);
    expect(p.execute(Buffer.from(' and more'))).toBe(INCOMPLETE);
    expect(p.eof()).toBe(200);
    expect(p.keepAlive).toBe(false);
    // A coding other than chunked also ends at close.
    const q = new ResponseParser();
    q.expect(false);
    expect(q.execute(crlf('HTTP/1.1 200 OK\nTransfer-Encoding: gzip\n\nxx'))).toBe(INCOMPLETE);
    expect(q.eof()).toBe(200);
  });

  it('says ERR_SOCKET_CLOSED when the server closes mid-response, and nothing when idle', () => {
    for (const partial of ['', 'HTTP/1.1 200 OK\r\nContent-Le', 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab']) {
      const p = new ResponseParser();
      p.expect(false);
      if (partial) expect(p.execute(Buffer.from(partial))).toBe(INCOMPLETE);
      expect(p.eof()).toBe(FAILED);
      expect(p.error?.code).toBe('ERR_SOCKET_CLOSED');
    }
    expect(new ResponseParser().eof()).toBe(INCOMPLETE);
  });

  it('counts bytes after a complete response (a framing error the connection must answer)', () => {
    const { p, result } = parseWhole(crlf('HTTP/1.1 200 OK\nContent-Length: 2\n\nokEXTRA'));
    expect(result).toBe(200);
    expect(p.trailing).toBe(5);
  });

  it.each([
    ['not HTTP', 'SSH-2.0-OpenSSH\r\n\r\n', 'HPE_INVALID_CONSTANT'],
    ['HTTP/2 preface', 'HTTP/2 200\r\n\r\n', 'HPE_INVALID_CONSTANT'],
    ['a short status', 'HTTP/1.1 20 OK\r\n\r\n', 'HPE_INVALID_STATUS'],
    ['a status with letters', 'HTTP/1.1 2x0 OK\r\n\r\n', 'HPE_INVALID_STATUS'],
    ['a header without colon', 'HTTP/1.1 200 OK\r\nContent-Length 3\r\n\r\nabc', 'HPE_INVALID_HEADER_TOKEN'],
    ['a bad Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
    ['conflicting Content-Lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n', 'HPE_UNEXPECTED_CONTENT_LENGTH'],
    ['a bad chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 'HPE_INVALID_CHUNK_SIZE'],
    ['a chunk longer than its size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n', 'HPE_STRICT'],
    ['a switch of protocols', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n', 'HPE_UNEXPECTED_UPGRADE'],
  ])('answers %s with an error code', (_what, wire, code) => {
    const { p, result } = parseWhole(Buffer.from(wire, 'latin1'));
    expect(result).toBe(FAILED);
    expect(p.error?.code).toBe(code);
    expect(p.keepAlive).toBe(false);
    expect(p.busy).toBe(false);
  });

  it('refuses a header block over the limit, also when it arrives in small reads', () => {
    const p = new ResponseParser();
    p.expect(false);
    const line = Buffer.from(`X-Big: ${'a'.repeat(1000)}\r\n`);
    let r = p.execute(Buffer.from('HTTP/1.1 200 OK\r\n'));
    for (let k = 0; k < 100 && r === INCOMPLETE; k++) r = p.execute(line);
    expect(r).toBe(FAILED);
    expect(p.error?.code).toBe('HPE_HEADER_OVERFLOW');
    expect(MAX_HEADER_BYTES).toBeLessThan(100 * line.length);
  });

  it('says HPE_UNEXPECTED_DATA for bytes while no request is outstanding', () => {
    const p = new ResponseParser();
    expect(p.execute(Buffer.from('HTTP/1.1 200 OK\r\n\r\n'))).toBe(FAILED);
    expect(p.error?.code).toBe('HPE_UNEXPECTED_DATA');
  });

  it('never throws on random bytes, and is reusable after an error', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = Buffer.from('HTTP/1.0 2009\r\n:;chunkedContent-Length Transfer-Encoding aF', 'latin1');
    const p = new ResponseParser();
    for (let round = 0; round < 2000; round++) {
      p.expect(rand() < 0.1);
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 80) }, () => (rand() < 0.8 ? alphabet[Math.floor(rand() * alphabet.length)]! : Math.floor(rand() * 256))));
      const prefix = rand() < 0.5 ? Buffer.from('HTTP/1.1 200 OK\r\n') : Buffer.alloc(0);
      const r = feed(p, [prefix, bytes]).result;
      expect(r === INCOMPLETE || r === FAILED || (r >= 100 && r <= 999)).toBe(true);
      if (r === INCOMPLETE) p.eof();
    }
    p.expect(false);
    expect(p.execute(crlf('HTTP/1.1 200 OK\nContent-Length: 0\n\n'))).toBe(200);
  });
});

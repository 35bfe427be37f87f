// A request's HTTP/1.1 bytes. Each request definition of the mix keeps its last serialised
// form: a static request (same method, path, headers and body as last time, the common case)
// is written from that Buffer with no per-request work beyond the comparison; a dynamic one
// (an id in the path, a fresh JSON body) is validated and serialised once per request.
import type { BuiltRequest } from '../request-mix.js';

export class InvalidRequestError extends Error {
  readonly code = 'ERR_INVALID_REQUEST';
}

// undici's checks: a path of visible Latin-1 characters, header names that are tokens, and
// values without CR, LF or NUL (no header injection through scenario data).
const INVALID_PATH = /[^\u0021-\u00ff]/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const INVALID_VALUE = /[^\t\u0020-\u007e\u0080-\u00ff]/;
const EXPECTS_BODY = new Set(['POST', 'PUT', 'PATCH']);

interface Template {
  method: string;
  path: string;
  body: string | undefined;
  headers: Array<[string, string]>;
  bytes: Buffer;
}

export class RequestWriter {
  readonly #hostLine: string;
  readonly #prefix: string;
  readonly #templates: Array<Template | undefined> = [];

  /** host: the Host header's value (host[:port]); prefix: the URL's path, prepended to every request path. */
  constructor(host: string, prefix: string) {
    this.#hostLine = `host: ${host}\r\n`;
    this.#prefix = prefix;
  }

  /** The bytes of `r`; throws InvalidRequestError for a request that cannot be sent as given. */
  bytes(r: BuiltRequest): Buffer {
    const t = this.#templates[r.index];
    if (t !== undefined && t.method === r.method && t.path === r.path && t.body === r.body && sameHeaders(t.headers, r.headers)) return t.bytes;
    const bytes = this.#serialise(r);
    this.#templates[r.index] = { method: r.method, path: r.path, body: r.body, headers: Object.entries(r.headers), bytes };
    return bytes;
  }

  #serialise(r: BuiltRequest): Buffer {
    if (!TOKEN.test(r.method)) throw new InvalidRequestError(`request "${r.name}": invalid method ${JSON.stringify(r.method)}`);
    const path = this.#prefix + r.path;
    if (path.length === 0 || INVALID_PATH.test(path)) throw new InvalidRequestError(`request "${r.name}": invalid path ${JSON.stringify(path)} (visible Latin-1 characters only; percent-encode the rest)`);
    let head = `${r.method} ${path} HTTP/1.1\r\n`;
    let host = false;
    for (const name in r.headers) {
      const value = String(r.headers[name]);
      if (!TOKEN.test(name)) throw new InvalidRequestError(`request "${r.name}": invalid header name ${JSON.stringify(name)}`);
      if (INVALID_VALUE.test(value)) throw new InvalidRequestError(`request "${r.name}": invalid value of header ${name} (no CR, LF or NUL)`);
      const lower = name.toLowerCase();
      // The body's length is ours to state; a streamed (chunked) request body is not supported.
      if (lower === 'content-length') continue;
      if (lower === 'transfer-encoding') throw new InvalidRequestError(`request "${r.name}": transfer-encoding is not supported; give the body as a string or object`);
      if (lower === 'host') host = true;
      head += `${name}: ${value}\r\n`;
    }
    if (!host) head += this.#hostLine;
    if (r.body === undefined) {
      // Like undici: POST, PUT and PATCH say they carry no body.
      if (EXPECTS_BODY.has(r.method)) head += 'content-length: 0\r\n';
      return Buffer.from(`${head}\r\n`, 'latin1');
    }
    const bodyLength = Buffer.byteLength(r.body, 'utf8');
    head += `content-length: ${bodyLength}\r\n\r\n`;
    const out = Buffer.allocUnsafe(head.length + bodyLength);
    out.write(head, 0, 'latin1');
    out.write(r.body, head.length, 'utf8');
    return out;
  }
}

function sameHeaders(cached: Array<[string, string]>, headers: Record<string, string>): boolean {
  let n = 0;
  for (const name in headers) {
    const c = cached[n++];
    if (c === undefined || c[0] !== name || c[1] !== headers[name]) return false;
  }
  return n === cached.length;
}

// An HTTP/1.1 response parser for one keep-alive connection without pipelining: at most one
// response is outstanding, so execute() either completes it or needs more bytes. It reads only
// what a load generator needs (the status, how the body is framed, whether the connection stays
// open) and skips the body, byte for byte, across any split into reads: Content-Length bodies,
// chunked bodies with extensions and trailers, bodies that end when the server closes, no body
// for HEAD, 1xx, 204 and 304. Interim 1xx responses are skipped. Errors carry llhttp's stable
// codes (HPE_*), the ones undici and node:http report, so error kinds compare across transports.
//
// The common case, a whole response in one read, touches no string and allocates nothing.

export class ParseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

/** Header block limit (node:http's default is 16 KiB; undici's 16 KiB too). */
export const MAX_HEADER_BYTES = 64 * 1024;

const CR = 13;
const LF = 10;
const CRLFCRLF = Buffer.from('\r\n\r\n', 'latin1');

const enum State {
  /** No request outstanding: any byte is unexpected. */
  Idle,
  Head,
  Length,
  ChunkSize,
  ChunkExt,
  ChunkSizeLf,
  ChunkData,
  ChunkDataCr,
  ChunkDataLf,
  TrailerLineStart,
  TrailerLine,
  TrailerEndLf,
  UntilClose,
}

/** Result of execute(): more bytes needed. */
export const INCOMPLETE = 0;
/** Result of execute(): malformed response; see `error`. */
export const FAILED = -1;

const enum Framing {
  None,
  Length,
  Chunked,
  UntilClose,
}

export class ResponseParser {
  #state: State = State.Idle;
  #head = false;
  /** Bytes of a header block split across reads (copied: the read buffer is reused). */
  #pending: Buffer | null = null;
  #remaining = 0;
  #chunkSize = 0;
  #chunkDigits = 0;
  #trailerBytes = 0;
  #status = 0;
  #keepAlive = true;
  /** The error of the last FAILED result. */
  error: ParseError | null = null;
  /** After a complete response: bytes of the read that followed it (a framing error or unsolicited data). */
  trailing = 0;

  /** A request was sent; `head`: it was a HEAD request (its response has no body). */
  expect(head: boolean): void {
    this.#state = State.Head;
    this.#head = head;
    this.#pending = null;
    this.#status = 0;
    this.error = null;
    this.trailing = 0;
  }

  /** Whether a response is outstanding. */
  get busy(): boolean {
    return this.#state !== State.Idle;
  }

  /** After a complete response: whether the connection may carry the next request. */
  get keepAlive(): boolean {
    return this.#keepAlive;
  }

  /**
   * Parse buf[start, end). Returns the status code when the response is complete (the parser is
   * then idle; `trailing` counts bytes after it), INCOMPLETE when it needs more, FAILED on a
   * malformed response (`error` says why; the connection must be closed).
   */
  execute(buf: Buffer, start = 0, end = buf.length): number {
    let i = start;
    while (i < end) {
      switch (this.#state) {
        case State.Idle:
          return this.#fail('HPE_UNEXPECTED_DATA', 'data from the server while no request was outstanding');
        case State.Head: {
          const next = this.#readHead(buf, i, end);
          if (next < 0) return next === -2 ? INCOMPLETE : FAILED;
          i = next;
          if ((this.#state as State) === State.Idle) return this.#complete(end - i);
          break;
        }
        case State.Length: {
          const n = Math.min(this.#remaining, end - i);
          this.#remaining -= n;
          i += n;
          if (this.#remaining === 0) return this.#complete(end - i);
          break;
        }
        case State.ChunkData: {
          const n = Math.min(this.#remaining, end - i);
          this.#remaining -= n;
          i += n;
          if (this.#remaining === 0) this.#state = State.ChunkDataCr;
          break;
        }
        case State.UntilClose:
          return INCOMPLETE;
        default: {
          // The byte-wise states of the chunked framing.
          const r = this.#chunkByte(buf[i]!);
          i++;
          if (r === FAILED) return FAILED;
          if (r > 0) return this.#complete(end - i);
        }
      }
    }
    return INCOMPLETE;
  }

  /** The server closed the connection. Returns the status if that completed the response, else FAILED (or INCOMPLETE when idle). */
  eof(): number {
    if (this.#state === State.Idle) return INCOMPLETE;
    if (this.#state === State.UntilClose) {
      this.#keepAlive = false;
      return this.#complete(0);
    }
    return this.#fail('ERR_SOCKET_CLOSED', 'the server closed the connection before the response was complete');
  }

  #complete(trailing: number): number {
    this.#state = State.Idle;
    this.#pending = null;
    this.trailing = trailing;
    return this.#status;
  }

  #fail(code: string, message: string): number {
    this.#state = State.Idle;
    this.#pending = null;
    this.#keepAlive = false;
    this.error = new ParseError(code, message);
    return FAILED;
  }

  /** Reads a header block from buf[i, end): the index after it, -2 when incomplete, -1 on error. */
  #readHead(buf: Buffer, i: number, end: number): number {
    if (this.#pending === null) {
      const at = buf.indexOf(CRLFCRLF, i);
      if (at === -1 || at + 4 > end) return this.#keep(buf.subarray(i, end), false);
      return this.#parseHead(buf, i, at + 4) < 0 ? -1 : at + 4;
    }
    // A block split across reads: join, and search from just before the join.
    const before = this.#pending.length;
    const block = Buffer.concat([this.#pending, buf.subarray(i, end)]);
    const at = block.indexOf(CRLFCRLF, Math.max(0, before - 3));
    if (at === -1) return this.#keep(block, true);
    this.#pending = null;
    // What follows the block in this read starts at i + (at + 4 - before).
    return this.#parseHead(block, 0, at + 4) < 0 ? -1 : i + (at + 4 - before);
  }

  /** Keeps an incomplete header block; `owned`: part is already a copy. */
  #keep(part: Buffer, owned: boolean): number {
    if (part.length > MAX_HEADER_BYTES) {
      this.#fail('HPE_HEADER_OVERFLOW', `response header block larger than ${MAX_HEADER_BYTES} bytes`);
      return -1;
    }
    // Copy: the read buffer is shared and overwritten by the next read.
    this.#pending = owned ? part : Buffer.from(part);
    return -2;
  }

  /** Parses the status line and headers in b[s, e) (e is just after CRLFCRLF). Returns 0 or -1. */
  #parseHead(b: Buffer, s: number, e: number): number {
    if (e - s > MAX_HEADER_BYTES) {
      this.#fail('HPE_HEADER_OVERFLOW', `response header block larger than ${MAX_HEADER_BYTES} bytes`);
      return -1;
    }
    // "HTTP/1.x SSS" then a space or CRLF.
    if (
      e - s < 14 ||
      b[s] !== 72 || b[s + 1] !== 84 || b[s + 2] !== 84 || b[s + 3] !== 80 || b[s + 4] !== 47 || b[s + 5] !== 49 || b[s + 6] !== 46 ||
      (b[s + 7] !== 49 && b[s + 7] !== 48) || b[s + 8] !== 32
    ) {
      return this.#failHead('HPE_INVALID_CONSTANT', 'the response does not start with HTTP/1.0 or HTTP/1.1');
    }
    const d0 = b[s + 9]! - 48;
    const d1 = b[s + 10]! - 48;
    const d2 = b[s + 11]! - 48;
    const after = b[s + 12];
    if (d0 < 1 || d0 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9 || (after !== 32 && after !== CR)) {
      return this.#failHead('HPE_INVALID_STATUS', 'invalid status code in the response status line');
    }
    const status = d0 * 100 + d1 * 10 + d2;
    const http10 = b[s + 7] === 48;
    let keepAlive = !http10;
    let length = -1;
    let chunked = false;
    let otherCoding = false;

    let line = b.indexOf(LF, s + 12) + 1;
    // Header lines up to the empty line that ends the block (at e - 2).
    while (line < e - 2) {
      const lf = b.indexOf(LF, line);
      if (lf === -1 || lf >= e || b[lf - 1] !== CR) return this.#failHead('HPE_LF_EXPECTED', 'a response header line does not end with CRLF');
      const eol = lf - 1;
      let colon = -1;
      for (let k = line; k < eol; k++) {
        if (b[k] === 58) {
          colon = k;
          break;
        }
      }
      if (colon <= line) return this.#failHead('HPE_INVALID_HEADER_TOKEN', 'a response header line has no name or no colon');
      let vs = colon + 1;
      let ve = eol;
      while (vs < ve && (b[vs] === 32 || b[vs] === 9)) vs++;
      while (ve > vs && (b[ve - 1] === 32 || b[ve - 1] === 9)) ve--;
      switch (colon - line) {
        case 14:
          if (nameIs(b, line, 'content-length')) {
            let n = 0;
            if (ve === vs) return this.#failHead('HPE_INVALID_CONTENT_LENGTH', 'empty Content-Length');
            for (let k = vs; k < ve; k++) {
              const d = b[k]! - 48;
              if (d < 0 || d > 9 || n > 1e15) return this.#failHead('HPE_INVALID_CONTENT_LENGTH', 'invalid Content-Length');
              n = n * 10 + d;
            }
            if (length !== -1 && length !== n) return this.#failHead('HPE_UNEXPECTED_CONTENT_LENGTH', 'conflicting Content-Length headers');
            length = n;
          }
          break;
        case 17:
          if (nameIs(b, line, 'transfer-encoding')) {
            // Chunked only when it is the last coding (RFC 9112 6.3); any other ends at close.
            if (ve - vs >= 7 && nameIs(b, ve - 7, 'chunked') && (ve - vs === 7 || b[ve - 8] === 44 || b[ve - 8] === 32 || b[ve - 8] === 9)) {
              chunked = true;
              otherCoding = false;
            } else {
              chunked = false;
              otherCoding = true;
            }
          }
          break;
        case 10:
          if (nameIs(b, line, 'connection')) {
            if (ve - vs === 10 && nameIs(b, vs, 'keep-alive')) keepAlive = true;
            else if (ve - vs === 5 && nameIs(b, vs, 'close')) keepAlive = false;
            else {
              const tokens = b.toString('latin1', vs, ve).toLowerCase().split(',').map((t) => t.trim());
              if (tokens.includes('close')) keepAlive = false;
              else if (tokens.includes('keep-alive')) keepAlive = true;
            }
          }
          break;
      }
      line = lf + 1;
    }

    if (status < 200) {
      if (status === 101) return this.#failHead('HPE_UNEXPECTED_UPGRADE', 'the server switched protocols (101), which a load generator does not follow');
      // Interim response (100 Continue, 103 Early Hints): the final one follows.
      this.#state = State.Head;
      return 0;
    }
    this.#status = status;
    let framing: Framing;
    if (this.#head || status === 204 || status === 304) framing = Framing.None;
    else if (chunked) framing = Framing.Chunked;
    else if (otherCoding) framing = Framing.UntilClose;
    else if (length >= 0) framing = Framing.Length;
    else framing = Framing.UntilClose;
    // A message with both Transfer-Encoding and Content-Length must not be reused (RFC 9112 6.3).
    if ((chunked || otherCoding) && length !== -1) keepAlive = false;
    if (framing === Framing.UntilClose) keepAlive = false;
    this.#keepAlive = keepAlive;
    switch (framing) {
      case Framing.None:
        this.#state = State.Idle;
        break;
      case Framing.Length:
        this.#remaining = length;
        this.#state = length === 0 ? State.Idle : State.Length;
        break;
      case Framing.Chunked:
        this.#chunkSize = 0;
        this.#chunkDigits = 0;
        this.#trailerBytes = 0;
        this.#state = State.ChunkSize;
        break;
      case Framing.UntilClose:
        this.#state = State.UntilClose;
        break;
    }
    return 0;
  }

  #failHead(code: string, message: string): number {
    this.#fail(code, message);
    return -1;
  }

  /** One byte of chunk framing: 0 to go on, the status when the body ended, FAILED on error. */
  #chunkByte(c: number): number {
    switch (this.#state) {
      case State.ChunkSize: {
        const v = hexValue(c);
        if (v >= 0) {
          if (++this.#chunkDigits > 13) return this.#fail('HPE_INVALID_CHUNK_SIZE', 'chunk size too large');
          this.#chunkSize = this.#chunkSize * 16 + v;
          return 0;
        }
        if (this.#chunkDigits === 0) return this.#fail('HPE_INVALID_CHUNK_SIZE', 'a chunk size line without hex digits');
        if (c === CR) this.#state = State.ChunkSizeLf;
        else if (c === 59 || c === 32 || c === 9) this.#state = State.ChunkExt;
        else return this.#fail('HPE_INVALID_CHUNK_SIZE', 'invalid character in a chunk size');
        return 0;
      }
      case State.ChunkExt:
        if (c === CR) this.#state = State.ChunkSizeLf;
        else if (c === LF) return this.#fail('HPE_LF_EXPECTED', 'a chunk size line does not end with CRLF');
        return 0;
      case State.ChunkSizeLf:
        if (c !== LF) return this.#fail('HPE_LF_EXPECTED', 'a chunk size line does not end with CRLF');
        if (this.#chunkSize === 0) {
          this.#state = State.TrailerLineStart;
        } else {
          this.#remaining = this.#chunkSize;
          this.#state = State.ChunkData;
        }
        this.#chunkSize = 0;
        this.#chunkDigits = 0;
        return 0;
      case State.ChunkDataCr:
        if (c !== CR) return this.#fail('HPE_STRICT', 'chunk data longer than its size, or no CRLF after it');
        this.#state = State.ChunkDataLf;
        return 0;
      case State.ChunkDataLf:
        if (c !== LF) return this.#fail('HPE_LF_EXPECTED', 'no CRLF after chunk data');
        this.#state = State.ChunkSize;
        return 0;
      case State.TrailerLineStart:
        if (c === CR) this.#state = State.TrailerEndLf;
        else this.#state = State.TrailerLine;
        return this.#trailer();
      case State.TrailerLine:
        if (c === LF) this.#state = State.TrailerLineStart;
        return this.#trailer();
      case State.TrailerEndLf:
        if (c !== LF) return this.#fail('HPE_LF_EXPECTED', 'the chunked body does not end with CRLF');
        return this.#status;
      default:
        return this.#fail('HPE_INTERNAL', `parser in an unexpected state ${this.#state}`);
    }
  }

  #trailer(): number {
    return ++this.#trailerBytes > MAX_HEADER_BYTES ? this.#fail('HPE_HEADER_OVERFLOW', 'trailers too large') : 0;
  }
}

/** Whether b[at, at + lower.length) equals `lower` (ASCII lower case) ignoring case. */
function nameIs(b: Buffer, at: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    if ((b[at + k]! | 0x20) !== lower.charCodeAt(k)) return false;
  }
  return true;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

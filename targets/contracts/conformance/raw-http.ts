// Bytes over a plain socket, for requests fetch cannot send (a Content-Length that lies, a
// method no parser knows), and every response that comes back until the server closes.
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface RawExchange {
  responses: RawResponse[];
  /** The server closed the connection (else the wait timed out). */
  closed: boolean;
}

export function rawExchange(baseUrl: string, request: string, timeoutMs: number, signal?: AbortSignal): Promise<RawExchange> {
  const url = new URL(baseUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(url.port || 80), host, () => socket.write(request));
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({ responses: parseResponses(Buffer.concat(chunks)), closed });
    };
    const onAbort = () => {
      clearTimeout(timer);
      socket.destroy();
      reject(signal?.reason);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined); // a reset after the answer is still a close
  });
}

function parseResponses(bytes: Buffer): RawResponse[] {
  const out: RawResponse[] = [];
  let rest = bytes;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end === -1) break;
    const [statusLine = '', ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = headers['content-length'] === undefined ? rest.length - end - 4 : Number(headers['content-length']);
    const body = rest.subarray(end + 4, end + 4 + length);
    out.push({ status: Number(statusLine.split(' ')[1]), headers, text: body.toString('utf8') });
    rest = rest.subarray(end + 4 + length);
  }
  return out;
}

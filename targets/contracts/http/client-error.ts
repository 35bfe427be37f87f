// Requests the HTTP parser cannot read (a Content-Length shorter than the body leaves bytes
// that are no request, an unknown method, oversized headers): node answers these itself, and
// each framework differently (fastify: its own JSON; node/express: an empty 400). Every edge
// installs this instead, so the answer is the API's error format everywhere, then a close.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '../schemas.js';

function clientErrorAnswer(err: Error & { code?: string }): { status: number; body: ErrorBody } {
  if (err.code === 'HPE_HEADER_OVERFLOW') return { status: 431, body: { error: { code: 'validation', message: 'request headers too large', field: 'headers' } } };
  return { status: 400, body: { error: { code: 'validation', message: 'malformed HTTP request' } } };
}

/** A `clientError` listener (node:http) and fastify's `clientErrorHandler`. */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  // Nobody to answer: the peer is gone, the socket already failed, or the request never came
  // in full (a timeout: closing is the answer).
  if (err.code === 'ECONNRESET' || err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || !socket.writable) {
    socket.destroy();
    return;
  }
  const { status, body } = clientErrorAnswer(err);
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(json)}\r\nconnection: close\r\n\r\n${json}`,
  );
}

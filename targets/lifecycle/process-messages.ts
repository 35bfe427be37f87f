// The two messages between a `process`-lifecycle server and its one-request child
// (sent over IPC with advanced serialization, so body bytes travel as they are).
import type { RouteId } from '../contracts/api.js';
import type { HttpResponse } from '../contracts/http/errors.js';
import type { RawRequest } from '../contracts/http/pipeline.js';

export interface RequestMessage {
  type: 'request';
  route: RouteId;
  request: RawRequest;
}

export interface ResponseMessage {
  type: 'response';
  response: HttpResponse;
}

export function isRequestMessage(m: unknown): m is RequestMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'request';
}

export function isResponseMessage(m: unknown): m is ResponseMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'response';
}

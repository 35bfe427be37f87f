// What a framework builder needs to serve the API, and what it hands back.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLEdge } from '../contracts/graphql/reads.js';
import type { BoundRoute, RawRequest } from '../contracts/http/pipeline.js';
import { CSRF_HEADER, type WebRequest, type WebStack } from '../contracts/http/web-stack.js';
import { unmatchedAnswer, type UnmatchedAnswer } from '../contracts/http/unmatched.js';
import type { ChildServer } from '../lifecycle/child.js';

export interface EdgeOptions {
  host: string;
  port: number;
  /** Busy work per request (0 = none). */
  injectCpuUs: number;
  /** The `web` middleware stack (--middleware web); absent: lean, the API alone. */
  web?: WebStack;
  /** Serve POST /graphql too. */
  graphql?: GraphQLEdge;
}

export type ServeApi = (routes: BoundRoute[], opts: EdgeOptions) => Promise<ChildServer>;

/** A single header value (frameworks type repeated headers as arrays). */
export function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The framework-independent request, with `clientGone`: aborted when the client's connection closes before its answer
 * was written. A lazy, non-enumerable getter: persistent targets never read it and pay nothing,
 * and it stays out of copies and IPC messages.
 */
export function rawRequest(from: { params: unknown; query: unknown; body: unknown }, req: IncomingMessage, res: ServerResponse): RawRequest {
  const raw = {
    remoteAddress: req.socket.remoteAddress,
    params: from.params as Record<string, string>,
    query: from.query,
    contentType: headerValue(req.headers['content-type']),
    contentEncoding: headerValue(req.headers['content-encoding']),
    authorization: headerValue(req.headers.authorization),
    body: Buffer.isBuffer(from.body) ? from.body : undefined,
  };
  let signal: AbortSignal | undefined;
  return Object.defineProperty(raw, 'clientGone', {
    enumerable: false,
    get(): AbortSignal {
      if (signal) return signal;
      const c = new AbortController();
      signal = c.signal;
      const gone = () => c.abort(new Error('the client closed its connection before the answer'));
      if (req.socket.destroyed && !res.writableFinished) gone();
      else res.once('close', () => res.writableFinished || gone());
      return signal;
    },
  });
}

/** 405 (with Allow) or 404 for a request none of `routes` took. */
export function unmatchedFor(routes: readonly BoundRoute[]): UnmatchedAnswer {
  return unmatchedAnswer(routes.map((r) => ({ method: r.spec.method, path: r.spec.path })));
}

/** What the web stack reads of a request, whichever framework parsed it. */
export function webRequest(method: string, path: string, headers: IncomingHttpHeaders): WebRequest {
  return {
    method,
    path,
    cookie: headerValue(headers.cookie),
    authorization: headerValue(headers.authorization),
    csrfToken: headerValue(headers[CSRF_HEADER]),
  };
}

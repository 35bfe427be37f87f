// A request no route takes: 405 with an Allow header when the path exists under another
// method (fastify and express both said 404), else 404. One answer on every edge.
import { notFoundResponse, type HttpResponse } from './errors.js';

export interface RoutePattern {
  method: string;
  /** `:name` segments match one non-empty path segment. */
  path: string;
}

export type UnmatchedAnswer = (method: string, path: string) => HttpResponse;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiled once per edge; the answer for any (method, path) no route matched. */
export function unmatchedAnswer(routes: readonly RoutePattern[]): UnmatchedAnswer {
  const compiled = routes.map((r) => ({
    method: r.method,
    re: new RegExp(`^${r.path.split('/').map((seg) => (seg.startsWith(':') ? '[^/]+' : escapeRe(seg))).join('/')}$`),
  }));
  return (method, path) => {
    const allowed = new Set(compiled.filter((r) => r.re.test(path)).map((r) => r.method));
    if (allowed.size === 0) return notFoundResponse(method, path);
    // Both frameworks answer HEAD for every GET route.
    if (allowed.has('GET')) allowed.add('HEAD');
    const allow = [...allowed].sort().join(', ');
    return {
      status: 405,
      headers: { allow },
      body: { error: { code: 'method_not_allowed', message: `${method} is not allowed on ${path}; allowed: ${allow}` } },
    };
  };
}

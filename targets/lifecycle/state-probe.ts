// A debug-only probe for request state leaking between requests. Enabled, `GET /health?probe=X`
// stores X in the request scope and answers what the scope held before: always null unless
// state from an earlier request is visible. Disabled (the default), /health is untouched.
import type { BoundRoute } from '../contracts/http/pipeline.js';
import type { RequestScope } from './request-scope.js';

export const STATE_PROBE_ENV = 'ARCHBENCH_STATE_PROBE';
const KEY = 'probe';

/** Every route runs in `scope` (fresh per request when it is sound); /health also answers the probe. */
export function withStateProbe(routes: BoundRoute[], scope: RequestScope): BoundRoute[] {
  return routes.map((route) => ({
    ...route,
    handle: (raw) =>
      scope.run(async () => {
        const q = raw.query as Record<string, unknown> | undefined;
        const value = q?.[KEY];
        if (route.id !== 'health' || typeof value !== 'string') return route.handle(raw);
        const values = scope.values();
        const seen = values.get(KEY) ?? null;
        values.set(KEY, value);
        return { status: 200, body: { status: 'ok', probe: { seen, pid: process.pid } } };
      }),
  }));
}

// Per-request state. A persistent process serves every request from one container, so
// request state must live in a scope that each request gets fresh: AsyncLocalStorage.run,
// never a module-level or container-level object (Laravel Octane's global-state problem).
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** The current request's values; throws outside a request. */
  values(): Map<string, unknown>;
}

export function asyncLocalScope(): RequestScope {
  const als = new AsyncLocalStorage<Map<string, unknown>>();
  return {
    run: (fn) => als.run(new Map(), fn),
    values: () => {
      const v = als.getStore();
      if (!v) throw new Error('no request scope: called outside a request');
      return v;
    },
  };
}

/** The mistake, kept for the test that proves the state probe catches it: one map for all requests. */
export function sharedScope(): RequestScope {
  const shared = new Map<string, unknown>();
  return { run: (fn) => fn(), values: () => shared };
}

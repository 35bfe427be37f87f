// The conformance suite: the same requests against any target, checking status codes and body
// shapes of every endpoint and every error case. It creates its own unique data, so it runs
// against an already-seeded target and can run repeatedly.
import { ApiClient } from './client.js';
import type { SuiteContext } from './context.js';
import { healthChecks, tokenChecks, unauthorizedChecks } from './checks/auth.js';
import { graphqlChecks } from './checks/graphql.js';
import { httpEdgeChecks } from './checks/http-edges.js';
import { invoiceChecks } from './checks/invoices.js';
import { ownershipChecks } from './checks/ownership.js';
import { paginationChecks } from './checks/pagination.js';
import { userChecks } from './checks/users.js';
import { stateChecks } from './checks/state.js';
import { Recorder, type ConformanceOptions, type ConformanceReport } from './report.js';

export type { ConformanceCheck, ConformanceOptions, ConformanceReport } from './report.js';

const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

function newContext(baseUrl: string, opts: ConformanceOptions): SuiteContext {
  return {
    api: new ApiClient(baseUrl, opts.signal, opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    rec: new Recorder(opts.signal),
    opts,
    account: undefined,
  };
}

/** The HTTP-edge checks alone, for reference targets that serve only /health and /users. */
export async function runEdgeConformance(baseUrl: string, opts: ConformanceOptions = {}): Promise<ConformanceReport> {
  const ctx = newContext(baseUrl, opts);
  await httpEdgeChecks(ctx, baseUrl);
  return ctx.rec.report();
}

/** Rejects only when `opts.signal` aborts; every other problem is a failed check. */
export async function runConformance(baseUrl: string, opts: ConformanceOptions = {}): Promise<ConformanceReport> {
  const ctx = newContext(baseUrl, opts);
  const { rec } = ctx;
  await healthChecks(ctx);
  await tokenChecks(ctx);
  await unauthorizedChecks(ctx);
  await userChecks(ctx);
  await invoiceChecks(ctx);
  await paginationChecks(ctx);
  await ownershipChecks(ctx);
  await httpEdgeChecks(ctx, baseUrl);
  if (opts.state) await stateChecks(ctx);
  if (ctx.opts.graphql) await graphqlChecks(ctx);
  return rec.report();
}

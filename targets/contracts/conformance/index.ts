// The conformance suite: the same requests against any target, checking status codes and body
// shapes of every endpoint and every error case. It creates its own unique data, so it runs
// against an already-seeded target and can run repeatedly.
import { ApiClient } from './client.js';
import type { SuiteContext } from './context.js';
import { healthChecks, tokenChecks, unauthorizedChecks } from './checks/auth.js';
import { invoiceChecks } from './checks/invoices.js';
import { ownershipChecks } from './checks/ownership.js';
import { paginationChecks } from './checks/pagination.js';
import { userChecks } from './checks/users.js';
import { Recorder, type ConformanceOptions, type ConformanceReport } from './report.js';

export type { ConformanceCheck, ConformanceOptions, ConformanceReport } from './report.js';

const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** Rejects only when `opts.signal` aborts; every other problem is a failed check. */
export async function runConformance(baseUrl: string, opts: ConformanceOptions = {}): Promise<ConformanceReport> {
  const rec = new Recorder(opts.signal);
  const ctx: SuiteContext = {
    api: new ApiClient(baseUrl, opts.signal, opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    rec,
    opts,
    account: undefined,
  };
  await healthChecks(ctx);
  await tokenChecks(ctx);
  await unauthorizedChecks(ctx);
  await userChecks(ctx);
  await invoiceChecks(ctx);
  await paginationChecks(ctx);
  await ownershipChecks(ctx);
  return rec.report();
}

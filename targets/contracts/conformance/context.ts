// What every group of checks shares.
import { randomUUID } from 'node:crypto';
import { userResponse } from '../schemas.js';
import type { ApiClient } from './client.js';
import { expectBody } from './expect.js';
import type { ConformanceOptions, Recorder } from './report.js';

export interface SuiteContext {
  api: ApiClient;
  rec: Recorder;
  opts: ConformanceOptions;
  /** A valid token, when POST /auth/token worked. */
  token: string | undefined;
}

/** Unique per call, so the suite can run against an already-seeded target, repeatedly. */
export function uniqueEmail(tag = 'user'): string {
  return `conformance-${tag}-${randomUUID()}@example.com`;
}

/** A uuid that no target has issued. */
export function unknownId(): string {
  return randomUUID();
}

export async function createUser(ctx: SuiteContext, name = 'Conformance User') {
  const res = await ctx.api.post('/users', { json: { name, email: uniqueEmail() } });
  return expectBody(res, 201, userResponse);
}

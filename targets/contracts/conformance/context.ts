// What every group of checks shares.
import { randomUUID } from 'node:crypto';
import { tokenResponse, userResponse } from '../schemas.js';
import type { ApiClient } from './client.js';
import { expectBody } from './expect.js';
import type { ConformanceOptions, Recorder } from './report.js';

/** A signed-up user and a token of their own. */
export interface Account {
  id: string;
  email: string;
  password: string;
  token: string;
}

export interface SuiteContext {
  api: ApiClient;
  rec: Recorder;
  opts: ConformanceOptions;
  /** A signed-in user, when POST /users and POST /auth/token worked. */
  account: Account | undefined;
}

/** Unique per call, so the suite can run against an already-seeded target, repeatedly. */
export function uniqueEmail(tag = 'user'): string {
  return `conformance-${tag}-${randomUUID()}@example.com`;
}

/** A uuid that no target has issued. */
export function unknownId(): string {
  return randomUUID();
}

/** Long enough for any target's rule, unique so that a retry cannot hit another run's user. */
export function newPassword(): string {
  return `pw-${randomUUID()}`;
}

export async function createUser(ctx: SuiteContext, name = 'Conformance User', password = newPassword()) {
  const res = await ctx.api.post('/users', { json: { name, email: uniqueEmail(), password } });
  return expectBody(res, 201, userResponse);
}

export async function signIn(ctx: SuiteContext, email: string, password: string): Promise<string> {
  return expectBody(await ctx.api.post('/auth/token', { json: { email, password } }), 200, tokenResponse).token;
}

/** Sign up, then sign in: a user who can call the protected routes on their own resources. */
export async function createAccount(ctx: SuiteContext, name = 'Conformance User'): Promise<Account> {
  const password = newPassword();
  const user = await createUser(ctx, name, password);
  return { id: user.id, email: user.email, password, token: await signIn(ctx, user.email, password) };
}

// The JWT secret a target is started with. The harness needs it too (the conformance suite
// mints an expired token with it), so it is fixed per StartContext: calling this twice with
// the same ctx gives the same secret.
import { randomBytes } from 'node:crypto';
import type { StartContext } from '../target.js';

export const JWT_SECRET_ENV = 'ARCHBENCH_JWT_SECRET';

const secrets = new WeakMap<StartContext, string>();

/** `ctx.options.env.ARCHBENCH_JWT_SECRET` when given, else a random secret for this start. */
export function jwtSecretFor(ctx: StartContext): string {
  const given = ctx.options.env?.[JWT_SECRET_ENV];
  if (given) return given;
  let secret = secrets.get(ctx);
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    secrets.set(ctx, secret);
  }
  return secret;
}

// The password hashing cost (scrypt N) a target is started with: a target setting, so that a
// benchmark states what one sign-up costs. Cheap by default (benchmarks sign up thousands of
// users, seeding included); set ARCHBENCH_SCRYPT_N (e.g. 16384) for a production-like cost.
import { DEFAULT_SCRYPT_N, isValidScryptN, MAX_SCRYPT_N, MIN_SCRYPT_N } from '../domain/auth/password-hasher.js';
import type { StartContext } from '../target.js';

export const SCRYPT_N_ENV = 'ARCHBENCH_SCRYPT_N';

/** `ctx.options.scryptN`, else ARCHBENCH_SCRYPT_N (target env, then ours), else DEFAULT_SCRYPT_N. */
export function scryptNFor(ctx: StartContext): number {
  if (ctx.options.scryptN !== undefined) return checked(ctx.options.scryptN, 'scryptN');
  const raw = ctx.options.env?.[SCRYPT_N_ENV] ?? process.env[SCRYPT_N_ENV];
  if (raw === undefined || raw === '') return DEFAULT_SCRYPT_N;
  return checked(/^\d+$/.test(raw) ? Number(raw) : NaN, `${SCRYPT_N_ENV}=${raw}`);
}

function checked(n: number, what: string): number {
  if (!isValidScryptN(n)) throw new Error(`${what}: scrypt N must be a power of two in ${MIN_SCRYPT_N}..${MAX_SCRYPT_N}`);
  return n;
}

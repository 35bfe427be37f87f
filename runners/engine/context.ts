// The RequestContext scenarios draw from, built on the seeded data.
import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../scenarios/define.js';

/** The data a target was seeded with (ids it returned, tokens), which requests draw from. */
export interface SeedData {
  userIds: string[];
  invoiceIds: string[];
  /** A token of the first seeded user ("Bearer ..."), '' when none was obtained. */
  authorization: string;
  /** Each seeded user's own token, in userIds order; empty when the seed obtained none. */
  authorizations: string[];
  /** invoiceIds[i] belongs to userIds[invoiceOwners[i]]. */
  invoiceOwners: number[];
  /** What the scenario's setup() returned; travels to generator threads with the rest. */
  setupData?: unknown;
}

/** The password every seeded user of a run signs up and signs in with (the targets hash it). */
export function seedPassword(runId: string): string {
  return `seed-password-${runId}`;
}

export const EMPTY_SEED: SeedData = { userIds: [], invoiceIds: [], authorization: '', authorizations: [], invoiceOwners: [] };

export function requestContext(data: SeedData, runId: string): RequestContext {
  let counter = 0;
  // Warm-up and measure (and each generator thread) build their own context from the same
  // runId: a per-context salt keeps unique() unique across them (else sign-ups collide: 409).
  const salt = randomBytes(3).toString('hex');
  const pickIndex = (length: number, what: string) => {
    if (length === 0) throw new Error(`the scenario asked for a ${what} but its seed created none`);
    return Math.floor(Math.random() * length);
  };
  // Targets only let a user act on their own resources: a token always goes with its owner.
  const tokenOf = (user: number) => {
    const token = data.authorizations[user];
    if (token === undefined) throw new Error('the scenario asked for a signed-in user but its seed obtained no tokens (seed.auth is false)');
    return token;
  };
  return {
    userId: () => data.userIds[pickIndex(data.userIds.length, 'user')]!,
    invoiceId: () => data.invoiceIds[pickIndex(data.invoiceIds.length, 'invoice')]!,
    actor: () => {
      const i = pickIndex(data.userIds.length, 'user');
      return { userId: data.userIds[i]!, authorization: tokenOf(i) };
    },
    ownedInvoice: () => {
      const i = pickIndex(data.invoiceIds.length, 'invoice');
      return { invoiceId: data.invoiceIds[i]!, authorization: tokenOf(data.invoiceOwners[i]!) };
    },
    authorization: data.authorization,
    unique: () => `${runId}-${salt}-${(counter++).toString(36)}`,
    random: Math.random,
    setupData: data.setupData,
  };
}

// The RequestContext scenarios draw from, built on the seeded data.
import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../scenarios/define.js';

/** The data a target was seeded with (ids it returned, a token), which requests draw from. */
export interface SeedData {
  userIds: string[];
  invoiceIds: string[];
  authorization: string;
  /** invoiceOwners[i]: index into userIds of the owner of invoiceIds[i]. */
  invoiceOwners?: number[];
  /** userAuthorizations[u]: a token of userIds[u], when seeding signed in every user. */
  userAuthorizations?: string[];
}

export function requestContext(data: SeedData, runId: string): RequestContext {
  let counter = 0;
  // Warm-up and measure (and each generator thread) build their own context from the same
  // runId: a per-context salt keeps unique() unique across them (else sign-ups collide: 409).
  const salt = randomBytes(3).toString('hex');
  const index = (list: string[], what: string) => {
    if (list.length === 0) throw new Error(`the scenario asked for a ${what} but its seed created none`);
    return Math.floor(Math.random() * list.length);
  };
  const pick = (list: string[], what: string) => list[index(list, what)]!;
  return {
    userId: () => pick(data.userIds, 'user'),
    invoiceId: () => pick(data.invoiceIds, 'invoice'),
    // The owner's token where seeding made one per user (ownership: only the owner may pay).
    invoice: () => {
      const i = index(data.invoiceIds, 'invoice');
      const owner = data.invoiceOwners?.[i];
      return { id: data.invoiceIds[i]!, authorization: (owner !== undefined ? data.userAuthorizations?.[owner] : undefined) ?? data.authorization };
    },
    authorization: data.authorization,
    unique: () => `${runId}-${salt}-${(counter++).toString(36)}`,
    random: Math.random,
  };
}

// GraphQL request builders (issue 17 item 6): the same reads as the REST builders, as queries.
import type { CheckedResponse, RequestDefinition } from './define.js';

/**
 * GraphQL answers a failed query with 200 and an `errors` array, so the status alone would
 * count it a success: every GraphQL request checks its body too (k6's checks; the scenario's
 * `checks` threshold turns a failed check into a failed run).
 */
export const NO_GRAPHQL_ERRORS = 'no GraphQL errors';
export function answeredWithoutErrors(r: CheckedResponse): boolean {
  if (r.status !== 200) return false;
  const body = r.json() as { errors?: unknown; data?: unknown };
  return body.errors === undefined && body.data !== undefined && body.data !== null;
}
const checks = { [NO_GRAPHQL_ERRORS]: answeredWithoutErrors };

const graphql = (query: string, variables: Record<string, unknown>, authorization?: string) => ({
  method: 'POST' as const,
  path: '/graphql',
  headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
  body: { query, variables },
});

export const graphqlGetUser = (weight: number): RequestDefinition => ({
  name: 'GraphQL user',
  weight,
  checks,
  request: (ctx) => graphql('query($id: ID!) { user(id: $id) { id name email createdAt } }', { id: ctx.userId() }),
});

export const graphqlListInvoices = (weight: number): RequestDefinition => ({
  name: 'GraphQL user.invoices',
  weight,
  checks,
  request: (ctx) => {
    const { userId, authorization } = ctx.actor();
    return graphql('query($id: ID!) { user(id: $id) { invoices(limit: 10) { items { id userId amountCents currency status createdAt paidAt } nextCursor } } }', { id: userId }, authorization);
  },
});

/**
 * The N+1 case: ten users, and my invoices each with its owner. Without a loader every user
 * is one storage read (10 + 1 + one per invoice); with one, a single batched read.
 */
export const graphqlUsersWithInvoices = (weight: number): RequestDefinition => ({
  name: 'GraphQL users+invoices (N+1)',
  weight,
  checks,
  request: (ctx) => {
    const { userId, authorization } = ctx.actor();
    const ids = Array.from({ length: 10 }, () => ctx.userId());
    return graphql(
      'query($ids: [ID!]!, $me: ID!) { users(ids: $ids) { id name } me: user(id: $me) { name invoices(limit: 10) { items { id amountCents owner { id name } } } } }',
      { ids, me: userId },
      authorization,
    );
  },
});

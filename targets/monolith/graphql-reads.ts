// The monolith's GraphQL reads: straight domain calls, the same ones its REST handlers make.
import type { GraphQLReads } from '../contracts/graphql/reads.js';
import type { MonolithServices } from './handlers.js';

export function monolithGraphQLReads({ users, billing }: Pick<MonolithServices, 'users' | 'billing'>): GraphQLReads {
  return {
    getUser: (id) => users.get(id),
    getUsers: (ids) => users.getMany(ids),
    listInvoices: (userId, options, subject) => billing.listInvoices(userId, options, subject),
  };
}

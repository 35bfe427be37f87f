// The gateway's GraphQL reads: the same service calls its REST routes make, over the chosen
// transport; the loader's batch is one users.getMany call (one hop, one storage read).
import type { GraphQLReads } from '../../contracts/graphql/reads.js';
import type { ServiceClient } from '../../transports/transport.js';
import { fromWireError } from '../../transports/wire-errors.js';

export function gatewayGraphQLReads(users: ServiceClient<'users'>, billing: ServiceClient<'billing'>): GraphQLReads {
  return {
    getUser: (id) => users.get({ id }),
    getUsers: async (ids) => (await users.getMany({ ids: [...ids] })).results.map((r) => r.user ?? fromWireError(r.error ?? { code: 'internal', message: 'no user and no error' }, 'users')),
    listInvoices: (userId, options, subject) => billing.listInvoices({ userId, ...options, subject }),
  };
}

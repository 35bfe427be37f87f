// The resolvers, written once for mercurius (fastify) and Apollo Server (express): both
// servers run these functions over the same context, so they carry the same work.
import DataLoader from 'dataloader';
import type { Invoice, InvoicePage, User } from '../../domain/model.js';
import { graphqlRead } from './errors.js';
import type { GraphQLEdge } from './reads.js';

/** Per request: who is asking, and how users are read (through a loader or one by one). */
export interface GraphQLContext {
  archbench: {
    user(id: string): Promise<User>;
    /** The token's subject; an unauthorized error when there is no valid Bearer token. */
    subject(): Promise<string>;
    edge: GraphQLEdge;
  };
}

export function graphqlContext(edge: GraphQLEdge, authorization: string | undefined): GraphQLContext {
  // A new loader per request: batching and caching never cross requests (or users).
  const loader = edge.loader ? new DataLoader<string, User>((ids) => edge.reads.getUsers(ids)) : undefined;
  let subject: Promise<string> | undefined;
  return {
    archbench: {
      user: (id) => (loader ? loader.load(id) : edge.reads.getUser(id)),
      subject: () => (subject ??= edge.authenticate(authorization).then((c) => c.sub)),
      edge,
    },
  };
}

interface InvoicesArgs {
  limit?: number | null;
  cursor?: string | null;
}

export const graphqlResolvers = {
  Query: {
    user: (_: unknown, args: { id: string }, ctx: GraphQLContext) => graphqlRead(() => ctx.archbench.user(args.id)),
    // One promise per item: an unknown id is a null item with its own error, as a list should.
    users: (_: unknown, args: { ids: string[] }, ctx: GraphQLContext) => args.ids.map((id) => graphqlRead(() => ctx.archbench.user(id))),
  },
  User: {
    invoices: (user: User, args: InvoicesArgs, ctx: GraphQLContext): Promise<InvoicePage> =>
      graphqlRead(async () => {
        const options = { ...(args.limit == null ? {} : { limit: args.limit }), ...(args.cursor == null ? {} : { cursor: args.cursor }) };
        return ctx.archbench.edge.reads.listInvoices(user.id, options, await ctx.archbench.subject());
      }),
  },
  Invoice: {
    owner: (invoice: Invoice, _: unknown, ctx: GraphQLContext) => graphqlRead(() => ctx.archbench.user(invoice.userId)),
  },
};

// What the GraphQL edge needs from an application: the reads REST serves, plus a batched user
// read for the loader. The monolith answers from its domain services (graphql-reads in
// monolith/); ownership stays in the domain (billing.listInvoices checks the subject).
import type { InvoicePage, User } from '../../domain/model.js';
import type { Authenticate } from '../http/pipeline.js';

export interface GraphQLReads {
  getUser(id: string): Promise<User>;
  /** One storage call for all ids; each answered with its user or the error get would give. */
  getUsers(ids: readonly string[]): Promise<Array<User | Error>>;
  listInvoices(userId: string, options: { limit?: number; cursor?: string }, subject: string): Promise<InvoicePage>;
}

/** What an edge needs to serve POST /graphql. */
export interface GraphQLEdge {
  reads: GraphQLReads;
  authenticate: Authenticate;
  /** Batch and cache user reads per request (dataloader) or read each user on its own. */
  loader: boolean;
}

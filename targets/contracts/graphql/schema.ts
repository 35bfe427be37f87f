// The GraphQL edge's schema (issue 17 item 6): the same user and invoice reads as REST
// (GET /users/:id, GET /users/:id/invoices), with the same shapes and the same rules.
// Errors carry the REST error's code, status and field in `extensions`.
export const GRAPHQL_PATH = '/graphql';

export const GRAPHQL_SCHEMA = /* GraphQL */ `
  type Query {
    "Public, as GET /users/:id."
    user(id: ID!): User
    "Several users in one query: the N+1 case a loader batches."
    users(ids: [ID!]!): [User]!
  }

  type User {
    id: ID!
    name: String!
    email: String!
    createdAt: String!
    "Owner only (Bearer token), as GET /users/:id/invoices: newest first, keyset paginated."
    invoices(limit: Int, cursor: String): InvoicePage!
  }

  type InvoicePage {
    items: [Invoice!]!
    nextCursor: String
  }

  type Invoice {
    id: ID!
    userId: ID!
    amountCents: Int!
    currency: String!
    status: String!
    createdAt: String!
    paidAt: String
    "The invoice's owner: one user read per invoice unless a loader batches them."
    owner: User!
  }
`;

// GraphQL next to REST (issue 17 item 6): POST /graphql answers the same user and invoice reads
// as REST, equal field for field for the same data, under the same ownership rule (a token
// opens only its own user's invoices: the REST 403 is a GraphQL error with code "forbidden").
import { invoicePageResponse, invoiceResponse, userResponse } from '../../schemas.js';
import type { ApiResponse } from '../client.js';
import { createAccount, unknownId, type SuiteContext } from '../context.js';
import { CheckFailure, need } from '../report.js';
import { expectBody, expectEqual } from '../expect.js';

const USER_FIELDS = 'id name email createdAt';
const INVOICE_FIELDS = 'id userId amountCents currency status createdAt paidAt';

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; status?: number; field?: string } }>;
}

function answer(res: ApiResponse): GraphQLAnswer {
  if (res.status !== 200 || typeof res.body !== 'object' || res.body === null) throw new CheckFailure(`expected 200 with a GraphQL answer, got ${res.status}: ${res.text.slice(0, 200)}`);
  return res.body as GraphQLAnswer;
}

function errorCodes(a: GraphQLAnswer): string[] {
  return (a.errors ?? []).map((e) => e.extensions?.code ?? '(no code)');
}

export async function graphqlChecks(ctx: SuiteContext): Promise<void> {
  const { api, rec } = ctx;
  const gql = (query: string, variables: Record<string, unknown>, token?: string) => api.post('/graphql', { json: { query, variables }, ...(token ? { token } : {}) });
  const data = await rec.setup('setup (graphql): users A and B, A with three invoices', async () => {
    const a = await createAccount(ctx, 'GraphQL A');
    const b = await createAccount(ctx, 'GraphQL B');
    for (const amountCents of [100, 200, 300]) {
      expectBody(await api.post('/invoices', { token: a.token, json: { userId: a.id, amountCents, currency: 'EUR' } }), 201, invoiceResponse);
    }
    return { a, b };
  });

  await rec.check('POST /graphql user(id) equals GET /users/:id', async () => {
    const { a } = need(data, 'users A and B');
    const rest = expectBody(await api.get(`/users/${a.id}`), 200, userResponse);
    const g = answer(await gql(`query($id: ID!) { user(id: $id) { ${USER_FIELDS} } }`, { id: a.id }));
    expectEqual(g, { data: { user: rest } }, 'graphql answer');
  });
  await rec.check("POST /graphql user(id){invoices(limit:2)} pages equal GET /users/:id/invoices?limit=2 (A's token)", async () => {
    const { a } = need(data, 'users A and B');
    const q = `query($id: ID!, $cursor: String) { user(id: $id) { invoices(limit: 2, cursor: $cursor) { items { ${INVOICE_FIELDS} } nextCursor } } }`;
    const rest1 = expectBody(await api.get(`/users/${a.id}/invoices?limit=2`, { token: a.token }), 200, invoicePageResponse);
    const g1 = answer(await gql(q, { id: a.id }, a.token));
    expectEqual(g1, { data: { user: { invoices: rest1 } } }, 'first page');
    const rest2 = expectBody(await api.get(`/users/${a.id}/invoices?limit=2&cursor=${encodeURIComponent(rest1.nextCursor ?? '')}`, { token: a.token }), 200, invoicePageResponse);
    const g2 = answer(await gql(q, { id: a.id, cursor: rest1.nextCursor }, a.token));
    expectEqual(g2, { data: { user: { invoices: rest2 } } }, 'second page');
  });
  await rec.check("POST /graphql A's invoices with B's token -> error forbidden (REST: 403)", async () => {
    const { a, b } = need(data, 'users A and B');
    const g = answer(await gql(`query($id: ID!) { user(id: $id) { invoices { items { id } } } }`, { id: a.id }, b.token));
    expectEqual({ data: g.data, codes: errorCodes(g) }, { data: { user: null }, codes: ['forbidden'] }, 'answer');
  });
  await rec.check('POST /graphql invoices without a token -> error unauthorized (REST: 401)', async () => {
    const { a } = need(data, 'users A and B');
    const g = answer(await gql(`query($id: ID!) { user(id: $id) { invoices { items { id } } } }`, { id: a.id }));
    expectEqual({ data: g.data, codes: errorCodes(g) }, { data: { user: null }, codes: ['unauthorized'] }, 'answer');
  });
  await rec.check('POST /graphql user(unknown id) -> null with error not_found; user("x") -> validation (REST: 404, 400)', async () => {
    const missing = answer(await gql('query($id: ID!) { user(id: $id) { id } }', { id: unknownId() }));
    expectEqual({ data: missing.data, codes: errorCodes(missing) }, { data: { user: null }, codes: ['not_found'] }, 'unknown id');
    const bad = answer(await gql('query($id: ID!) { user(id: $id) { id } }', { id: 'x' }));
    expectEqual({ data: bad.data, codes: errorCodes(bad), field: bad.errors?.[0]?.extensions?.field }, { data: { user: null }, codes: ['validation'], field: 'id' }, 'malformed id');
  });
  await rec.check('POST /graphql users(ids) with each invoice owner equals the REST reads', async () => {
    const { a, b } = need(data, 'users A and B');
    const restA = expectBody(await api.get(`/users/${a.id}`), 200, userResponse);
    const restB = expectBody(await api.get(`/users/${b.id}`), 200, userResponse);
    const g = answer(await gql(`query($ids: [ID!]!, $me: ID!) { users(ids: $ids) { ${USER_FIELDS} } me: user(id: $me) { invoices { items { owner { id name } } } } }`, { ids: [a.id, b.id], me: a.id }, a.token));
    const owner = { id: a.id, name: restA.name };
    expectEqual(g, { data: { users: [restA, restB], me: { invoices: { items: [owner, owner, owner].map((o) => ({ owner: o })) } } } }, 'graphql answer');
  });
}

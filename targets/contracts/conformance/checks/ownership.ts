// Authorization: a token acts on its own user's resources only. With A's token, B's invoices
// can be neither listed (403) nor created (403) nor paid (404, exactly as for an unknown
// invoice: no hint that it exists), and B's invoice stays open.
import { errorResponse, invoicePageResponse, invoiceResponse } from '../../schemas.js';
import { createAccount, unknownId, type SuiteContext } from '../context.js';
import { expectBody, expectEqual, expectError } from '../expect.js';
import { need } from '../report.js';
import { hs256 } from '../tokens.js';

export async function ownershipChecks(ctx: SuiteContext): Promise<void> {
  const { api, rec } = ctx;
  const pair = await rec.setup('setup: users A and B, B with an invoice', async () => {
    const a = await createAccount(ctx, 'Owner A');
    const b = await createAccount(ctx, 'Owner B');
    const res = await api.post('/invoices', { token: b.token, json: { userId: b.id, amountCents: 700, currency: 'EUR' } });
    return { a, b, invoice: expectBody(res, 201, invoiceResponse) };
  });

  await rec.check("GET /users/{B}/invoices with A's token -> 403", async () => {
    const { a, b } = need(pair, 'users A and B');
    expectError(await api.get(`/users/${b.id}/invoices`, { token: a.token }), 403, 'forbidden');
  });
  await rec.check("POST /invoices {userId: B} with A's token -> 403 field userId", async () => {
    const { a, b } = need(pair, 'users A and B');
    expectError(await api.post('/invoices', { token: a.token, json: { userId: b.id, amountCents: 100, currency: 'EUR' } }), 403, 'forbidden', 'userId');
  });
  await rec.check("POST /invoices {userId: an unknown user} with A's token -> 403", async () => {
    const { a } = need(pair, 'users A and B');
    expectError(await api.post('/invoices', { token: a.token, json: { userId: unknownId(), amountCents: 100, currency: 'EUR' } }), 403, 'forbidden', 'userId');
  });
  await rec.check("POST /invoices/{B's invoice}/pay with A's token -> 404 like an unknown invoice, and it stays open", async () => {
    const { a, b, invoice } = need(pair, 'users A and B');
    const theirs = await api.post(`/invoices/${invoice.id}/pay`, { token: a.token });
    expectError(theirs, 404, 'not_found');
    const missingId = unknownId();
    const missing = expectBody(await api.post(`/invoices/${missingId}/pay`, { token: a.token }), 404, errorResponse);
    // Same shape and wording, the id aside.
    expectEqual(expectBody(theirs, 404, errorResponse), JSON.parse(JSON.stringify(missing).replaceAll(missingId, invoice.id)), 'body');
    const page = expectBody(await api.get(`/users/${b.id}/invoices`, { token: b.token }), 200, invoicePageResponse);
    expectEqual(page.items.map((i) => [i.id, i.status]), [[invoice.id, 'open']], "B's invoices");
  });
  await rec.check('POST /invoices for the token\'s own user who does not exist -> 422', async () => {
    const secret = ctx.opts.jwtSecret;
    if (!secret) return 'skipped: no secret';
    const ghost = unknownId();
    const now = Math.floor(Date.now() / 1000);
    const token = await hs256(secret, { sub: ghost, iat: now, exp: now + 900 });
    expectError(await api.post('/invoices', { token, json: { userId: ghost, amountCents: 100, currency: 'EUR' } }), 422, 'unprocessable', 'userId');
  });
}

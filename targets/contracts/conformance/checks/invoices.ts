// POST /invoices and POST /invoices/:id/pay: creation, every invalid field, 422, idempotent pay.
import { invoiceResponse } from '../../schemas.js';
import type { RequestOptions } from '../client.js';
import { unknownId, type SuiteContext } from '../context.js';
import { expectBody, expectEqual, expectError, expectTrue } from '../expect.js';
import { need } from '../report.js';

export async function invoiceChecks(ctx: SuiteContext): Promise<void> {
  const { api, rec } = ctx;
  // The signed-in user invoices themselves: ownership has its own checks (ownership.ts).
  const user = ctx.account;
  const authed = (o: RequestOptions): RequestOptions => ({ ...o, token: need(ctx.account, 'POST /auth/token').token });

  const invoice = await rec.setup('POST /invoices -> 201 open invoice', async () => {
    const u = need(user, 'POST /users');
    const inv = expectBody(await api.post('/invoices', authed({ json: { userId: u.id, amountCents: 12345, currency: 'EUR' } })), 201, invoiceResponse);
    expectEqual(
      { userId: inv.userId, amountCents: inv.amountCents, currency: inv.currency, status: inv.status, paidAt: inv.paidAt },
      { userId: u.id, amountCents: 12345, currency: 'EUR', status: 'open', paidAt: null },
      'invoice',
    );
    return inv;
  });
  await rec.check('POST /invoices amountCents = 1e11 (the maximum) -> 201', async () => {
    const u = need(user, 'POST /users');
    expectBody(await api.post('/invoices', authed({ json: { userId: u.id, amountCents: 1e11, currency: 'JPY' } })), 201, invoiceResponse);
  });

  const valid = () => ({ userId: user?.id ?? unknownId(), amountCents: 500, currency: 'USD' });
  const bad: Array<[string, () => RequestOptions, string]> = [
    ['userId missing', () => ({ json: { amountCents: 500, currency: 'USD' } }), 'userId'],
    ['userId malformed', () => ({ json: { ...valid(), userId: 'user-1' } }), 'userId'],
    ['amountCents missing', () => ({ json: { userId: valid().userId, currency: 'USD' } }), 'amountCents'],
    ['amountCents zero', () => ({ json: { ...valid(), amountCents: 0 } }), 'amountCents'],
    ['amountCents negative', () => ({ json: { ...valid(), amountCents: -5 } }), 'amountCents'],
    ['amountCents fractional', () => ({ json: { ...valid(), amountCents: 1.5 } }), 'amountCents'],
    ['amountCents a string', () => ({ json: { ...valid(), amountCents: '500' } }), 'amountCents'],
    ['amountCents over 1e11', () => ({ json: { ...valid(), amountCents: 1e11 + 1 } }), 'amountCents'],
    ['currency missing', () => ({ json: { userId: valid().userId, amountCents: 500 } }), 'currency'],
    ['currency lowercase', () => ({ json: { ...valid(), currency: 'usd' } }), 'currency'],
    ['currency of 4 letters', () => ({ json: { ...valid(), currency: 'USDX' } }), 'currency'],
    ['currency not ISO 4217', () => ({ json: { ...valid(), currency: 'ZZZ' } }), 'currency'],
    ['unknown field', () => ({ json: { ...valid(), discount: 10 } }), 'discount'],
    ['malformed JSON', () => ({ raw: '{"userId"', contentType: 'application/json' }), 'body'],
  ];
  for (const [what, req, field] of bad) {
    await rec.check(`POST /invoices ${what} -> 400 field ${field}`, async () => {
      expectError(await api.post('/invoices', authed(req())), 400, 'validation', field);
    });
  }

  let paid: unknown;
  await rec.check('POST /invoices/:id/pay -> 200 paid invoice', async () => {
    const inv = need(invoice, 'POST /invoices');
    const p = expectBody(await api.post(`/invoices/${inv.id}/pay`, authed({})), 200, invoiceResponse);
    expectTrue(p.status === 'paid' && p.paidAt !== null, `expected status paid with paidAt, got ${p.status}/${p.paidAt}`);
    expectEqual({ ...p, status: 'open', paidAt: null }, inv, 'unchanged fields');
    paid = p;
  });
  await rec.check('POST /invoices/:id/pay again -> 200 same invoice, paidAt unchanged', async () => {
    const inv = need(invoice, 'POST /invoices');
    const again = expectBody(await api.post(`/invoices/${inv.id}/pay`, authed({})), 200, invoiceResponse);
    expectEqual(again, need(paid, 'first pay'), 'second pay');
  });
  await rec.check('POST /invoices/:id/pay malformed id -> 400 field id', async () => {
    expectError(await api.post('/invoices/inv-1/pay', authed({})), 400, 'validation', 'id');
  });
  await rec.check('POST /invoices/:id/pay unknown invoice -> 404', async () => {
    expectError(await api.post(`/invoices/${unknownId()}/pay`, authed({})), 404, 'not_found');
  });
}

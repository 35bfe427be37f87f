// GET /users/:id/invoices: newest first, limit, cursor continuation, invalid parameters.
import { invoicePageResponse, invoiceResponse } from '../../schemas.js';
import { createAccount, type SuiteContext } from '../context.js';
import { expectBody, expectEqual, expectError, expectTrue } from '../expect.js';
import { need } from '../report.js';

const COUNT = 5;

export async function paginationChecks(ctx: SuiteContext): Promise<void> {
  const { api, rec } = ctx;
  // Sequential on purpose: creation order is the order the list must reverse.
  const created = await rec.setup(`setup: a signed-in user with ${COUNT} invoices`, async () => {
    const a = await createAccount(ctx, 'Pagination User');
    const ids: string[] = [];
    for (let i = 1; i <= COUNT; i++) {
      const res = await api.post('/invoices', { token: a.token, json: { userId: a.id, amountCents: i * 100, currency: 'GBP' } });
      ids.push(expectBody(res, 201, invoiceResponse).id);
    }
    return { userId: a.id, token: a.token, newestFirst: ids.reverse() };
  });
  const list = (userId: string, query = '') => api.get(`/users/${userId}/invoices${query}`, { token: need(created, 'invoices').token });

  await rec.check('GET /users/:id/invoices -> 200 all, newest first, nextCursor null', async () => {
    const c = need(created, 'invoices');
    const page = expectBody(await list(c.userId), 200, invoicePageResponse);
    expectEqual(page.items.map((i) => i.id), c.newestFirst, 'ids in order');
    expectEqual(page.nextCursor, null, 'nextCursor');
  });
  await rec.check('GET /users/:id/invoices ?limit=2 then cursor -> pages of 2, 2, 1 in order', async () => {
    const c = need(created, 'invoices');
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < COUNT + 1; guard++) {
      const q: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = expectBody(await list(c.userId, q), 200, invoicePageResponse);
      sizes.push(page.items.length);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expectEqual(sizes, [2, 2, 1], 'page sizes');
    expectEqual(seen, c.newestFirst, 'ids across pages');
  });
  await rec.check('GET /users/:id/invoices ?limit=100 -> 200', async () => {
    const c = need(created, 'invoices');
    expectTrue(expectBody(await list(c.userId, '?limit=100'), 200, invoicePageResponse).items.length === COUNT, 'expected all invoices');
  });
  await rec.check('GET /users/:id/invoices for a user without invoices -> 200 empty page', async () => {
    const fresh = await createAccount(ctx, 'Empty User');
    const res = await api.get(`/users/${fresh.id}/invoices`, { token: fresh.token });
    expectEqual(expectBody(res, 200, invoicePageResponse), { items: [], nextCursor: null }, 'page');
  });

  const bad: Array<[string, string, string]> = [
    ['limit=0', '?limit=0', 'limit'],
    ['limit=101', '?limit=101', 'limit'],
    ['limit=abc', '?limit=abc', 'limit'],
    ['limit=-1', '?limit=-1', 'limit'],
    ['malformed cursor', '?cursor=not*a*cursor', 'cursor'],
    ['forged cursor', `?cursor=${Buffer.from('hello').toString('base64url')}`, 'cursor'],
    ['unknown query parameter', '?sort=asc', 'sort'],
  ];
  for (const [what, query, field] of bad) {
    await rec.check(`GET /users/:id/invoices ${what} -> 400 field ${field}`, async () => {
      const c = need(created, 'invoices');
      expectError(await list(c.userId, query), 400, 'validation', field);
    });
  }
  await rec.check('GET /users/:id/invoices malformed user id -> 400 field id', async () => {
    expectError(await api.get('/users/not-a-uuid/invoices', { token: need(created, 'invoices').token }), 400, 'validation', 'id');
  });
}

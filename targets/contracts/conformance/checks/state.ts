// Request state must not survive into another request (the persistent-worker hazard: a
// singleton, a static, a request-scoped binding kept by the container). Two users' requests
// are interleaved, concurrently so that every worker serves both; any answer that carries the
// other user's identity or data fails: B's token reading A's invoices, B's own request
// refused as if B were someone else, an invoice created for the wrong owner.
import { invoicePageResponse, invoiceResponse } from '../../schemas.js';
import type { ApiResponse } from '../client.js';
import { createAccount, type Account, type SuiteContext } from '../context.js';
import { need } from '../report.js';
import { CheckFailure } from '../report.js';

const ROUNDS = 12;

interface Leak {
  who: string;
  what: string;
}

async function oneUser(ctx: SuiteContext, me: Account, other: Account, leaks: Leak[]): Promise<void> {
  const { api } = ctx;
  const bad = (what: string, res: ApiResponse) => leaks.push({ who: me.email, what: `${what} (answered ${res.status})` });
  const own = await api.get(`/users/${me.id}/invoices?limit=5`, { token: me.token });
  const page = own.status === 200 ? invoicePageResponse.safeParse(own.body) : undefined;
  if (!page?.success) bad("listing the user's own invoices was not served as that user", own);
  else if (page.data.items.some((i) => i.userId !== me.id)) bad("the user's own invoice list carried another user's invoices", own);
  const theirs = await api.get(`/users/${other.id}/invoices?limit=5`, { token: me.token });
  if (theirs.status !== 403) bad("another user's invoices were listed with this user's token", theirs);
  const created = await api.post('/invoices', { token: me.token, json: { userId: me.id, amountCents: 100, currency: 'EUR' } });
  const inv = created.status === 201 ? invoiceResponse.safeParse(created.body) : undefined;
  if (!inv?.success || inv.data.userId !== me.id) bad('an invoice of its own was not created as this user', created);
}

export async function stateChecks(ctx: SuiteContext): Promise<void> {
  const { rec } = ctx;
  const pair = await rec.setup('state: users A and B signed in', async () => [await createAccount(ctx, 'State A'), await createAccount(ctx, 'State B')] as const);
  await rec.check(`state: ${ROUNDS} rounds of A's and B's requests interleaved never carry the other user's identity or data`, async () => {
    const [a, b] = need(pair, 'users A and B');
    const leaks: Leak[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Both orders, both at once: whichever request a stale state came from, the other sees it.
      const [first, second] = round % 2 === 0 ? [a, b] : [b, a];
      await Promise.all([oneUser(ctx, first, second, leaks), oneUser(ctx, second, first, leaks)]);
    }
    if (leaks.length) {
      const shown = leaks.slice(0, 3).map((l) => `${l.who}: ${l.what}`).join('; ');
      throw new CheckFailure(`${leaks.length} answers carried another request's state: ${shown}`);
    }
  });
}

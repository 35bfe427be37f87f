import { describe, expect, it } from 'vitest';
import { EMPTY_SEED, requestContext, type SeedData } from '../../../runners/engine/context.js';
import { createInvoice, listInvoices, payInvoice } from '../../../scenarios/requests.js';

const data: SeedData = {
  userIds: ['u0', 'u1', 'u2'],
  invoiceIds: ['i0', 'i1', 'i2', 'i3'],
  authorization: 'Bearer t0',
  authorizations: ['Bearer t0', 'Bearer t1', 'Bearer t2'],
  invoiceOwners: [0, 1, 2, 0],
};

describe('requestContext', () => {
  it("hands out every user and invoice with its owner's own token (targets refuse anyone else's)", () => {
    const ctx = requestContext(data, 'r');
    for (let i = 0; i < 200; i++) {
      const a = ctx.actor();
      expect(a.authorization).toBe(`Bearer t${a.userId.slice(1)}`);
      const inv = ctx.ownedInvoice();
      expect(inv.authorization).toBe(data.authorizations[data.invoiceOwners[Number(inv.invoiceId.slice(1))]!]);
    }
  });

  it('builds the authenticated built-in requests from one user: the path or body id matches the token', () => {
    const ctx = requestContext(data, 'r');
    for (let i = 0; i < 100; i++) {
      const list = listInvoices(1).request!(ctx);
      expect(list.headers?.authorization).toBe(`Bearer t${/\/users\/u(\d)\//.exec(list.path)![1]}`);
      const create = createInvoice(1).request!(ctx);
      expect(create.headers?.authorization).toBe(`Bearer t${(create.body as { userId: string }).userId.slice(1)}`);
      const pay = payInvoice(1).request!(ctx);
      const owner = data.invoiceOwners[Number(/\/invoices\/i(\d)\//.exec(pay.path)![1])]!;
      expect(pay.headers?.authorization).toBe(`Bearer t${owner}`);
    }
  });

  it('says why when a scenario needs a signed-in user but the seed obtained no tokens', () => {
    const ctx = requestContext({ ...EMPTY_SEED, userIds: ['u0'] }, 'r');
    expect(ctx.userId()).toBe('u0');
    expect(() => ctx.actor()).toThrow(/no tokens/);
  });
});

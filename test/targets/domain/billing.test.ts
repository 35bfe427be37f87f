import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../targets/domain/billing/cursor.js';
import { ForbiddenError, NotFoundError, UnauthorizedError, UnprocessableError, ValidationError } from '../../../targets/domain/errors.js';
import type { UserRegistered } from '../../../targets/domain/events.js';
import type { User } from '../../../targets/domain/model.js';
import { domainFixture } from '../fixtures.js';

let f: ReturnType<typeof domainFixture>;
let user: User;
beforeEach(async () => {
  f = domainFixture();
  user = await f.users.register({ name: 'Payer', email: 'payer@example.com', password: 'payer-password' });
});
afterEach(async () => {
  await f.close();
});

async function fieldOf(p: Promise<unknown>): Promise<string | undefined> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).field;
}

describe('BillingService.createInvoice', () => {
  it('creates an open invoice', async () => {
    const inv = await f.billing.createInvoice({ userId: user.id, amountCents: 1999, currency: 'EUR' }, user.id);
    expect(inv).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      userId: user.id,
      amountCents: 1999,
      currency: 'EUR',
      status: 'open',
      createdAt: expect.any(String),
      paidAt: null,
    });
  });

  it('accepts the 1e11 maximum', async () => {
    await expect(f.billing.createInvoice({ userId: user.id, amountCents: 1e11, currency: 'USD' }, user.id)).resolves.toBeDefined();
  });

  it.each([
    [{ userId: undefined }, 'userId'],
    [{ userId: 'x' }, 'userId'],
    [{ amountCents: 0 }, 'amountCents'],
    [{ amountCents: -1 }, 'amountCents'],
    [{ amountCents: 1.5 }, 'amountCents'],
    [{ amountCents: '100' }, 'amountCents'],
    [{ amountCents: 1e11 + 1 }, 'amountCents'],
    [{ currency: 'usd' }, 'currency'],
    [{ currency: 'US' }, 'currency'],
    [{ currency: 'ZZZ' }, 'currency'],
    [{ extra: 1 }, 'extra'],
  ])('rejects %j on %s', async (patch, field) => {
    expect(await fieldOf(f.billing.createInvoice({ userId: user.id, amountCents: 100, currency: 'USD', ...patch }, user.id))).toBe(field);
  });

  it('refuses an unknown user with an unprocessable error', async () => {
    const ghost = randomUUID(); // a validly signed token for a user that does not exist
    await expect(f.billing.createInvoice({ userId: ghost, amountCents: 1, currency: 'USD' }, ghost)).rejects.toBeInstanceOf(
      UnprocessableError,
    );
  });
});

describe('BillingService.listInvoices', () => {
  async function createMany(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await f.billing.createInvoice({ userId: user.id, amountCents: i + 1, currency: 'USD' }, user.id)).id);
    return ids;
  }

  it('lists newest first with a default limit of 20', async () => {
    const ids = await createMany(25);
    const page = await f.billing.listInvoices(user.id, {}, user.id);
    expect(page.items.map((i) => i.id)).toEqual(ids.reverse().slice(0, 20));
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('walks every page with the cursor, without gaps or repeats', async () => {
    const ids = (await createMany(7)).reverse();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await f.billing.listInvoices(user.id, cursor === undefined ? { limit: 3 } : { limit: 3, cursor }, user.id);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
  });

  it('orders by creation, not by the clock: a clock that stands still or steps back changes nothing', async () => {
    const stamps = [1_700_000_000_000_000, 1_700_000_000_000_000, 1_699_999_999_000_000, 1_700_000_000_000_000];
    f.clock.nowMicros = () => stamps.shift() ?? 0; // another worker's clock, behind this one's
    const all = (await createMany(4)).reverse();
    expect((await f.billing.listInvoices(user.id, { limit: 100 }, user.id)).items.map((i) => i.id)).toEqual(all);
    const first = await f.billing.listInvoices(user.id, { limit: 2 }, user.id);
    const second = await f.billing.listInvoices(user.id, { limit: 2, cursor: first.nextCursor ?? '' }, user.id);
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all);
    expect(second.nextCursor).toBeNull();
  });

  it('returns an empty page for a user without invoices', async () => {
    const other = await f.users.register({ name: 'New', email: 'new@example.com', password: 'new-password' });
    expect(await f.billing.listInvoices(other.id, {}, other.id)).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ cursor: 'not a cursor' }, 'cursor'],
    [{ cursor: Buffer.from('123.not-a-uuid').toString('base64url') }, 'cursor'],
    [{ cursor: Buffer.from('0').toString('base64url') }, 'cursor'],
    [{ cursor: Buffer.from('99999999999999999').toString('base64url') }, 'cursor'],
    [{ cursor: Buffer.from('abc').toString('base64url') }, 'cursor'],
  ])('rejects options %j on %s', async (opts, field) => {
    expect(await fieldOf(f.billing.listInvoices(user.id, opts, user.id))).toBe(field);
  });

  it('round-trips cursors', () => {
    const key = { seq: 9_007_199_254_740_991 };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
  });
});

describe('BillingService.payInvoice', () => {
  it('is idempotent: the second pay returns the same invoice with paidAt unchanged', async () => {
    const inv = await f.billing.createInvoice({ userId: user.id, amountCents: 500, currency: 'GBP' }, user.id);
    const paid = await f.billing.payInvoice(inv.id, user.id);
    expect(paid).toEqual({ ...inv, status: 'paid', paidAt: expect.any(String) });
    const again = await f.billing.payInvoice(inv.id, user.id);
    expect(again).toEqual(paid);
  });

  it('validates the id and reports unknown invoices', async () => {
    expect(await fieldOf(f.billing.payInvoice('x', user.id))).toBe('id');
    await expect(f.billing.payInvoice(randomUUID(), user.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('ownership (the token subject owns the resource)', () => {
  let intruder: User;
  beforeEach(async () => {
    intruder = await f.users.register({ name: 'Mallory', email: 'mallory@example.com', password: 'mallory-password' });
  });

  it("refuses to create an invoice for another user with a forbidden error, before asking whether that user exists", async () => {
    await expect(f.billing.createInvoice({ userId: user.id, amountCents: 100, currency: 'EUR' }, intruder.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(f.billing.createInvoice({ userId: randomUUID(), amountCents: 100, currency: 'EUR' }, intruder.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await f.billing.listInvoices(user.id, {}, user.id)).items).toEqual([]);
  });

  it("refuses to list another user's invoices with a forbidden error", async () => {
    await f.billing.createInvoice({ userId: user.id, amountCents: 100, currency: 'EUR' }, user.id);
    await expect(f.billing.listInvoices(user.id, {}, intruder.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("answers not_found for another user's invoice, exactly as for an unknown one, and leaves it open", async () => {
    const inv = await f.billing.createInvoice({ userId: user.id, amountCents: 100, currency: 'EUR' }, user.id);
    const err = await f.billing.payInvoice(inv.id, intruder.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toBe(`invoice ${inv.id} not found`);
    expect((await f.billing.listInvoices(user.id, {}, user.id)).items[0]).toMatchObject({ id: inv.id, status: 'open', paidAt: null });
  });

  it.each([undefined, '', 42])('refuses a call without a subject (%j) as unauthorized', async (subject) => {
    await expect(f.billing.listInvoices(user.id, {}, subject)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(f.billing.payInvoice(randomUUID(), subject)).rejects.toBeInstanceOf(UnauthorizedError);
  });
});

describe('billing accounts from UserRegistered', () => {
  it('opens one account per user even when the same event arrives twice', async () => {
    const event: UserRegistered = {
      type: 'UserRegistered',
      eventId: randomUUID(),
      userId: randomUUID(),
      email: 'twice@example.com',
      occurredAt: new Date().toISOString(),
    };
    expect(await f.billing.handleUserRegistered(event)).toBe(true);
    expect(await f.billing.handleUserRegistered(event)).toBe(false);
    await f.bus.publish(event);
    expect(await f.billing.hasAccount(event.userId)).toBe(true);
  });

  it('the registered user already has an account', async () => {
    expect(await f.billing.hasAccount(user.id)).toBe(true);
  });
});

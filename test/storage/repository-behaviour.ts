// The behaviour every storage backend owes the domain, written once and run against each
// adapter (SQLite files, a real PostgreSQL server): same records in, same records out.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BillingStorage, UsersStorage } from '../../targets/storage/ports.js';

export interface OpenedStorage {
  users: UsersStorage;
  billing: BillingStorage;
  close(): Promise<void>;
}

const T0 = Date.UTC(2025, 0, 1) * 1000;

export function describeRepositoryBehaviour(backend: string, open: () => Promise<OpenedStorage>): void {
  describe(`${backend} repositories`, () => {
    let s: OpenedStorage;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      await s.close();
    });

    const user = (n: number) => ({ id: randomUUID(), name: `User ${n}`, email: `u${n}-${randomUUID()}@example.com`, passwordHash: `scrypt$16$8$1$salt${n}$hash${n}`, createdAtUs: T0 + n, announcedAtUs: null });
    const invoice = (userId: string, createdAtUs: number, id = randomUUID()) => ({
      id,
      userId,
      amountCents: 1e11, // the domain's maximum: needs 64-bit storage
      currency: 'EUR',
      status: 'open' as const,
      createdAtUs,
      paidAtUs: null,
    });

    it('stores a user and reads it back exactly, with a microsecond timestamp as a number', async () => {
      const u = { ...user(1), createdAtUs: 1_735_689_600_123_456 };
      expect(await s.users.users.insert(u)).toBe('inserted');
      expect(await s.users.users.findById(u.id)).toEqual(u);
      expect(await s.users.users.findByEmail(u.email)).toEqual(u);
      expect(await s.users.users.findByEmail(`nobody-${randomUUID()}@example.com`)).toBeUndefined();
      await s.users.users.markAnnounced(u.id, T0 + 5);
      await s.users.users.markAnnounced(u.id, T0 + 9); // the first confirmation stays
      expect(await s.users.users.findById(u.id)).toEqual({ ...u, announcedAtUs: T0 + 5 });
      expect(await s.users.users.existsById(u.id)).toBe(true);
      expect(await s.users.users.findById(randomUUID())).toBeUndefined();
      expect(await s.users.users.existsById(randomUUID())).toBe(false);
    });

    it('reports a duplicate email as a result, not an exception, and keeps the first user', async () => {
      const a = user(2);
      expect(await s.users.users.insert(a)).toBe('inserted');
      const b = { ...user(3), email: a.email };
      expect(await s.users.users.insert(b)).toBe('email_taken');
      expect(await s.users.users.findById(b.id)).toBeUndefined();
      expect(await s.users.users.findById(a.id)).toEqual(a);
    });

    it('lists invoices newest first in the order the store received them, with keyset pages that neither skip nor repeat', async () => {
      const userId = randomUUID();
      const other = randomUUID();
      const made = [];
      // Timestamps out of order and tied, as from the workers of a cluster with their own
      // clocks: the store's order, not the clock's, is "newest first".
      const stamps = [5, 3, 3, 9, 1, 1, 4];
      for (const t of stamps) made.push(invoice(userId, T0 + t * 1000));
      for (const inv of made) await s.billing.invoices.insert(inv);
      await s.billing.invoices.insert(invoice(other, T0 + 99_000));
      const expected = [...made].reverse();
      const seen = [];
      let after: { seq: number } | undefined;
      for (let page = 0; page < 10; page++) {
        const rows = await s.billing.invoices.listByUser(userId, 3, after);
        if (rows.length === 0) break;
        seen.push(...rows.map(({ seq: _seq, ...record }) => record));
        after = { seq: rows[rows.length - 1]!.seq };
      }
      expect(seen).toEqual(expected);
      expect(await s.billing.invoices.listByUser(randomUUID(), 10)).toEqual([]);
    });

    it('pays an invoice once: the first paidAt wins, unknown invoices are undefined', async () => {
      const inv = invoice(randomUUID(), T0);
      await s.billing.invoices.insert(inv);
      expect(await s.billing.invoices.findById(inv.id)).toEqual(inv);
      const paid = await s.billing.invoices.markPaid(inv.id, T0 + 5);
      expect(paid).toEqual({ ...inv, status: 'paid', paidAtUs: T0 + 5 });
      expect(await s.billing.invoices.markPaid(inv.id, T0 + 9)).toEqual(paid);
      expect(await s.billing.invoices.findById(inv.id)).toEqual(paid);
      expect(await s.billing.invoices.markPaid(randomUUID(), T0)).toBeUndefined();
    });

    it('opens a billing account once per user', async () => {
      const userId = randomUUID();
      expect(await s.billing.accounts.exists(userId)).toBe(false);
      expect(await s.billing.accounts.openIfAbsent(userId, T0)).toBe(true);
      expect(await s.billing.accounts.openIfAbsent(userId, T0 + 1)).toBe(false);
      expect(await s.billing.accounts.exists(userId)).toBe(true);
    });

    it('keeps the services apart: users and billing are separate databases', async () => {
      const u = user(4);
      await s.users.users.insert(u);
      // The billing store has no user table to leak into: an account is only what billing opened.
      expect(await s.billing.accounts.exists(u.id)).toBe(false);
    });
  });
}

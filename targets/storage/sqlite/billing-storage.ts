// billing.db: the billing service's own database (invoices and billing accounts).
import { join } from 'node:path';
import type {
  BillingAccountRepository,
  InvoiceKey,
  InvoiceRecord,
  InvoiceRepository,
  ListedInvoice,
} from '../../domain/ports.js';
import type { BillingStorage } from '../ports.js';
import { openDatabase, type SqliteDb } from './database.js';

export const BILLING_DB_FILE = 'billing.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS invoices (
  id            TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL,
  amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
  currency      TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('open', 'paid')),
  created_at_us INTEGER NOT NULL,
  paid_at_us    INTEGER
);
-- Serves the keyset query: equality on user_id, then rowid order (an index holds the rowid).
CREATE INDEX IF NOT EXISTS invoices_user ON invoices (user_id);
CREATE TABLE IF NOT EXISTS billing_accounts (
  user_id       TEXT PRIMARY KEY,
  opened_at_us  INTEGER NOT NULL
) WITHOUT ROWID;
`;

// rowid is the insertion order: invoices are never deleted, so SQLite never reuses one.
const LISTED = 'rowid AS seq, ';
const COLUMNS =
  'id, user_id AS userId, amount_cents AS amountCents, currency, status, created_at_us AS createdAtUs, paid_at_us AS paidAtUs';

export class SqliteInvoiceRepository implements InvoiceRepository {
  readonly #insert;
  readonly #findById;
  readonly #firstPage;
  readonly #nextPage;
  readonly #markPaid;

  constructor(db: SqliteDb) {
    this.#insert = db.prepare<[string, string, number, string, string, number, number | null]>(
      'INSERT INTO invoices (id, user_id, amount_cents, currency, status, created_at_us, paid_at_us) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.#findById = db.prepare<[string], InvoiceRecord>(`SELECT ${COLUMNS} FROM invoices WHERE id = ?`);
    this.#firstPage = db.prepare<[string, number], ListedInvoice>(
      `SELECT ${LISTED}${COLUMNS} FROM invoices WHERE user_id = ? ORDER BY rowid DESC LIMIT ?`,
    );
    this.#nextPage = db.prepare<[string, number, number], ListedInvoice>(
      `SELECT ${LISTED}${COLUMNS} FROM invoices WHERE user_id = ? AND rowid < ? ORDER BY rowid DESC LIMIT ?`,
    );
    // Only an open invoice changes: the first paid_at wins, which makes pay idempotent.
    this.#markPaid = db.prepare<[number, string], InvoiceRecord>(
      `UPDATE invoices SET status = 'paid', paid_at_us = ? WHERE id = ? AND status = 'open' RETURNING ${COLUMNS}`,
    );
  }

  async insert(i: InvoiceRecord): Promise<void> {
    this.#insert.run(i.id, i.userId, i.amountCents, i.currency, i.status, i.createdAtUs, i.paidAtUs);
  }

  async findById(id: string): Promise<InvoiceRecord | undefined> {
    return this.#findById.get(id);
  }

  async listByUser(userId: string, limit: number, after?: InvoiceKey): Promise<ListedInvoice[]> {
    return after
      ? this.#nextPage.all(userId, after.seq, limit)
      : this.#firstPage.all(userId, limit);
  }

  async markPaid(id: string, paidAtUs: number): Promise<InvoiceRecord | undefined> {
    return this.#markPaid.get(paidAtUs, id) ?? this.#findById.get(id);
  }
}

export class SqliteBillingAccountRepository implements BillingAccountRepository {
  readonly #open;
  readonly #exists;

  constructor(db: SqliteDb) {
    this.#open = db.prepare<[string, number]>(
      'INSERT INTO billing_accounts (user_id, opened_at_us) VALUES (?, ?) ON CONFLICT(user_id) DO NOTHING',
    );
    this.#exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM billing_accounts WHERE user_id = ?');
  }

  async openIfAbsent(userId: string, openedAtUs: number): Promise<boolean> {
    return this.#open.run(userId, openedAtUs).changes === 1;
  }

  async exists(userId: string): Promise<boolean> {
    return this.#exists.get(userId) !== undefined;
  }
}

export function openSqliteBilling(dataDir: string): BillingStorage {
  const db = openDatabase(join(dataDir, BILLING_DB_FILE), SCHEMA);
  return {
    invoices: new SqliteInvoiceRepository(db),
    accounts: new SqliteBillingAccountRepository(db),
    close: async () => {
      db.close();
    },
  };
}

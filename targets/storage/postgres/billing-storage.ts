// The billing service's own schema in PostgreSQL (invoices and billing accounts).
import type pg from 'pg';
import type {
  BillingAccountRepository,
  InvoiceKey,
  InvoiceRecord,
  InvoiceRepository,
  ListedInvoice,
} from '../../domain/ports.js';
import type { BillingStorage } from '../ports.js';
import { openPool, type PgServiceOptions } from './connection.js';

const COLUMNS =
  'id, user_id AS "userId", amount_cents AS "amountCents", currency, status, created_at_us AS "createdAtUs", paid_at_us AS "paidAtUs"';

const INSERT = {
  name: 'invoices_insert',
  text: `INSERT INTO invoices (id, user_id, amount_cents, currency, status, created_at_us, paid_at_us)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
};
const FIND_BY_ID = { name: 'invoices_find_by_id', text: `SELECT ${COLUMNS} FROM invoices WHERE id = $1` };
const LISTED = 'seq, '; // int8 parses to a number (connection.ts)
const FIRST_PAGE = {
  name: 'invoices_first_page',
  text: `SELECT ${LISTED}${COLUMNS} FROM invoices WHERE user_id = $1 ORDER BY seq DESC LIMIT $2`,
};
const NEXT_PAGE = {
  name: 'invoices_next_page',
  text: `SELECT ${LISTED}${COLUMNS} FROM invoices WHERE user_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`,
};
// One round trip: pay if open (the first paid_at wins, so pay is idempotent), else read it as is.
const MARK_PAID = {
  name: 'invoices_mark_paid',
  text: `WITH paid AS (
           UPDATE invoices SET status = 'paid', paid_at_us = $1 WHERE id = $2 AND status = 'open' RETURNING ${COLUMNS}
         )
         SELECT * FROM paid
         UNION ALL
         SELECT ${COLUMNS} FROM invoices WHERE id = $2 AND NOT EXISTS (SELECT 1 FROM paid)`,
};
const OPEN_ACCOUNT = {
  name: 'accounts_open',
  text: 'INSERT INTO billing_accounts (user_id, opened_at_us) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING',
};
const ACCOUNT_EXISTS = { name: 'accounts_exists', text: 'SELECT 1 FROM billing_accounts WHERE user_id = $1' };

export class PgInvoiceRepository implements InvoiceRepository {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async insert(i: InvoiceRecord): Promise<void> {
    await this.#pool.query({
      ...INSERT,
      values: [i.id, i.userId, i.amountCents, i.currency, i.status, i.createdAtUs, i.paidAtUs],
    });
  }

  async findById(id: string): Promise<InvoiceRecord | undefined> {
    return (await this.#pool.query<InvoiceRecord>({ ...FIND_BY_ID, values: [id] })).rows[0];
  }

  async listByUser(userId: string, limit: number, after?: InvoiceKey): Promise<ListedInvoice[]> {
    const r = after
      ? await this.#pool.query<ListedInvoice>({ ...NEXT_PAGE, values: [userId, after.seq, limit] })
      : await this.#pool.query<ListedInvoice>({ ...FIRST_PAGE, values: [userId, limit] });
    return r.rows;
  }

  async markPaid(id: string, paidAtUs: number): Promise<InvoiceRecord | undefined> {
    return (await this.#pool.query<InvoiceRecord>({ ...MARK_PAID, values: [paidAtUs, id] })).rows[0];
  }
}

export class PgBillingAccountRepository implements BillingAccountRepository {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async openIfAbsent(userId: string, openedAtUs: number): Promise<boolean> {
    return (await this.#pool.query({ ...OPEN_ACCOUNT, values: [userId, openedAtUs] })).rowCount === 1;
  }

  async exists(userId: string): Promise<boolean> {
    return (await this.#pool.query({ ...ACCOUNT_EXISTS, values: [userId] })).rowCount === 1;
  }
}

export async function openPgBilling(opts: PgServiceOptions): Promise<BillingStorage> {
  const pool = await openPool(opts);
  return {
    invoices: new PgInvoiceRepository(pool),
    accounts: new PgBillingAccountRepository(pool),
    close: () => pool.end(),
  };
}

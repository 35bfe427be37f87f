// Each service its own schema, created once per target start (not per process or request:
// concurrent CREATE TABLE IF NOT EXISTS races in PostgreSQL) and dropped at stop.
import { randomBytes } from 'node:crypto';
import { assertIdentifier, createPool, unreachable } from './connection.js';

export const USERS_DDL = `
CREATE TABLE users (
  id            uuid PRIMARY KEY,
  name          text NOT NULL,
  email         text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  created_at_us bigint NOT NULL,
  announced_at_us bigint
);`;

export const BILLING_DDL = `
CREATE TABLE invoices (
  id            uuid PRIMARY KEY,
  user_id       uuid NOT NULL,
  amount_cents  bigint NOT NULL CHECK (amount_cents > 0),
  currency      text NOT NULL,
  status        text NOT NULL CHECK (status IN ('open', 'paid')),
  created_at_us bigint NOT NULL,
  paid_at_us    bigint,
  -- Insertion order, the list's "newest first": one sequence for every worker and replica.
  seq           bigint GENERATED ALWAYS AS IDENTITY
);
-- Serves the keyset query: equality on user_id, then the seq order.
CREATE INDEX invoices_user_seq ON invoices (user_id, seq DESC);
CREATE TABLE billing_accounts (
  user_id       uuid PRIMARY KEY,
  opened_at_us  bigint NOT NULL
);`;

export interface PgSchemas {
  users: string;
  billing: string;
  /** DROP both schemas; idempotent. */
  drop(): Promise<void>;
}

/** A fresh prefix per target start, so parallel runs and tests never share tables. */
export function newSchemaPrefix(): string {
  return `ab_${randomBytes(5).toString('hex')}`;
}

export async function createPgSchemas(url: string, prefix = newSchemaPrefix()): Promise<PgSchemas> {
  const users = assertIdentifier(`${prefix}_users`);
  const billing = assertIdentifier(`${prefix}_billing`);
  const pool = createPool(url, 1);
  const client = await pool.connect().catch(async (err: unknown) => {
    await pool.end().catch(() => undefined);
    throw unreachable(url, err);
  });
  try {
    // DDL cannot take bind parameters; the names are checked identifiers we generated.
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA ${users}; SET LOCAL search_path = ${users}; ${USERS_DDL}`);
    await client.query(`CREATE SCHEMA ${billing}; SET LOCAL search_path = ${billing}; ${BILLING_DDL}`);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    await pool.end();
    throw err;
  }
  client.release();
  await pool.end();
  let dropped: Promise<void> | undefined;
  const drop = () => {
    dropped ??= (async () => {
      const p = createPool(url, 1);
      try {
        await p.query(`DROP SCHEMA IF EXISTS ${users} CASCADE; DROP SCHEMA IF EXISTS ${billing} CASCADE`);
      } finally {
        await p.end();
      }
    })();
    return dropped;
  };
  return { users, billing, drop };
}

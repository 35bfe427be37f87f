import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../targets/storage/sqlite/database.js';
import { openSqliteBilling, BILLING_DB_FILE } from '../../../targets/storage/sqlite/billing-storage.js';
import { openSqliteUsers, USERS_DB_FILE } from '../../../targets/storage/sqlite/users-storage.js';
import { tempDir } from '../fixtures.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('SQLite storage', () => {
  it('keeps one database file per service, in WAL mode with synchronous=NORMAL', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const users = openSqliteUsers(dir.path);
    const billing = openSqliteBilling(dir.path);
    cleanups.push(users.close, billing.close);
    expect(existsSync(join(dir.path, USERS_DB_FILE))).toBe(true);
    expect(existsSync(join(dir.path, BILLING_DB_FILE))).toBe(true);
    const db = openDatabase(join(dir.path, BILLING_DB_FILE), 'SELECT 1');
    cleanups.push(() => void db.close());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('serves the invoice keyset query from its index', () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const billing = openSqliteBilling(dir.path);
    cleanups.push(billing.close);
    const db = openDatabase(join(dir.path, BILLING_DB_FILE), 'SELECT 1');
    cleanups.push(() => void db.close());
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM invoices WHERE user_id = ? AND rowid < ? ORDER BY rowid DESC LIMIT ?`,
      )
      .all('u', 1, 10) as Array<{ detail: string }>;
    const text = plan.map((p) => p.detail).join(' | ');
    expect(text).toContain('invoices_user');
    expect(text).not.toMatch(/TEMP B-TREE/);
  });

  it('reports a duplicate email as a result, not an exception', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const { users, close } = openSqliteUsers(dir.path);
    cleanups.push(close);
    const rec = { id: '00000000-0000-4000-8000-000000000001', name: 'A', email: 'a@b.co', passwordHash: 'scrypt$16$8$1$s$h', createdAtUs: 1, announcedAtUs: null };
    expect(await users.insert(rec)).toBe('inserted');
    expect(await users.insert({ ...rec, id: '00000000-0000-4000-8000-000000000002' })).toBe('email_taken');
  });
});

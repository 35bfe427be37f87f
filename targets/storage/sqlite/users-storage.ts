// users.db: the users service's own database.
import { join } from 'node:path';
import type { InsertUserResult, UserRecord, UserRepository } from '../../domain/ports.js';
import type { UsersStorage } from '../ports.js';
import { openDatabase, type SqliteDb } from './database.js';

export const USERS_DB_FILE = 'users.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  email         TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  announced_at_us INTEGER
) WITHOUT ROWID;
`;

// Column aliases produce UserRecord-shaped rows directly: no per-row mapping.
const COLUMNS = 'id, name, email, password_hash AS passwordHash, created_at_us AS createdAtUs, announced_at_us AS announcedAtUs';

export class SqliteUserRepository implements UserRepository {
  readonly #insert;
  readonly #findById;
  readonly #findByIds;
  readonly #findByEmail;
  readonly #markAnnounced;
  readonly #exists;

  constructor(db: SqliteDb) {
    // Prepared once; every call only binds parameters.
    this.#insert = db.prepare<[string, string, string, string, number, number | null]>(
      'INSERT INTO users (id, name, email, password_hash, created_at_us, announced_at_us) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(email) DO NOTHING',
    );
    this.#markAnnounced = db.prepare<[number, string]>('UPDATE users SET announced_at_us = ? WHERE id = ? AND announced_at_us IS NULL');
    this.#findById = db.prepare<[string], UserRecord>(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
    // One statement for any number of ids: they travel as one JSON array.
    this.#findByIds = db.prepare<[string], UserRecord>(`SELECT ${COLUMNS} FROM users WHERE id IN (SELECT value FROM json_each(?))`);
    this.#findByEmail = db.prepare<[string], UserRecord>(`SELECT ${COLUMNS} FROM users WHERE email = ?`);
    this.#exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM users WHERE id = ?');
  }

  async insert(u: UserRecord): Promise<InsertUserResult> {
    const { changes } = this.#insert.run(u.id, u.name, u.email, u.passwordHash, u.createdAtUs, u.announcedAtUs);
    return changes === 1 ? 'inserted' : 'email_taken';
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    return this.#findById.get(id);
  }

  async findByIds(ids: readonly string[]): Promise<UserRecord[]> {
    return this.#findByIds.all(JSON.stringify(ids));
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    return this.#findByEmail.get(email);
  }

  async markAnnounced(id: string, atUs: number): Promise<void> {
    this.#markAnnounced.run(atUs, id);
  }

  async existsById(id: string): Promise<boolean> {
    return this.#exists.get(id) !== undefined;
  }
}

export function openSqliteUsers(dataDir: string): UsersStorage {
  const db = openDatabase(join(dataDir, USERS_DB_FILE), SCHEMA);
  return {
    users: new SqliteUserRepository(db),
    close: async () => {
      db.close();
    },
  };
}

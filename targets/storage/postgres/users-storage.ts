// The users service's own schema in PostgreSQL.
import type pg from 'pg';
import type { InsertUserResult, UserRecord, UserRepository } from '../../domain/ports.js';
import type { UsersStorage } from '../ports.js';
import { openPool, type PgServiceOptions } from './connection.js';

const COLUMNS = 'id, name, email, password_hash AS "passwordHash", created_at_us AS "createdAtUs", announced_at_us AS "announcedAtUs"';

// Named statements: each connection parses and plans them once, then only binds.
const INSERT = {
  name: 'users_insert',
  text: 'INSERT INTO users (id, name, email, password_hash, created_at_us, announced_at_us) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING',
};
const MARK_ANNOUNCED = { name: 'users_mark_announced', text: 'UPDATE users SET announced_at_us = $1 WHERE id = $2 AND announced_at_us IS NULL' };
const FIND_BY_ID = { name: 'users_find_by_id', text: `SELECT ${COLUMNS} FROM users WHERE id = $1` };
const FIND_BY_IDS = { name: 'users_find_by_ids', text: `SELECT ${COLUMNS} FROM users WHERE id = ANY($1::uuid[])` };
const FIND_BY_EMAIL = { name: 'users_find_by_email', text: `SELECT ${COLUMNS} FROM users WHERE email = $1` };
const EXISTS = { name: 'users_exists', text: 'SELECT 1 FROM users WHERE id = $1' };

export class PgUserRepository implements UserRepository {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async insert(u: UserRecord): Promise<InsertUserResult> {
    const r = await this.#pool.query({ ...INSERT, values: [u.id, u.name, u.email, u.passwordHash, u.createdAtUs, u.announcedAtUs] });
    return r.rowCount === 1 ? 'inserted' : 'email_taken';
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    return (await this.#pool.query<UserRecord>({ ...FIND_BY_ID, values: [id] })).rows[0];
  }

  async findByIds(ids: readonly string[]): Promise<UserRecord[]> {
    return (await this.#pool.query<UserRecord>({ ...FIND_BY_IDS, values: [ids] })).rows;
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    return (await this.#pool.query<UserRecord>({ ...FIND_BY_EMAIL, values: [email] })).rows[0];
  }

  async markAnnounced(id: string, atUs: number): Promise<void> {
    await this.#pool.query({ ...MARK_ANNOUNCED, values: [atUs, id] });
  }

  async existsById(id: string): Promise<boolean> {
    return (await this.#pool.query({ ...EXISTS, values: [id] })).rowCount === 1;
  }
}

export async function openPgUsers(opts: PgServiceOptions): Promise<UsersStorage> {
  const pool = await openPool(opts);
  return { users: new PgUserRepository(pool), close: () => pool.end() };
}

// Opening a service's SQLite file with the settings every service shares.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDb = Database.Database;

// Several worker processes may open the same file: wait for locks instead of failing.
const BUSY_TIMEOUT_MS = 5000;

export function openDatabase(file: string, schema: string): SqliteDb {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // busy_timeout first: the WAL switch itself can meet a lock held by a sibling process.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL: durable across application crashes, fsync only at checkpoints.
    db.pragma('synchronous = NORMAL');
    db.exec(schema);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

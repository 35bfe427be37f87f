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
    // SQLite does not call the busy handler for every lock the WAL switch or the first schema
    // write can meet when sibling workers open a new file at the same moment: retry those.
    retryWhileBusy(() => db.pragma('journal_mode = WAL'));
    // WAL + NORMAL: durable across application crashes, fsync only at checkpoints.
    db.pragma('synchronous = NORMAL');
    retryWhileBusy(() => db.exec(schema));
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

const RETRY_SLEEP_MS = 20;

function retryWhileBusy(work: () => unknown): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      work();
      return;
    } catch (err) {
      const busy = (err as { code?: string }).code?.startsWith('SQLITE_BUSY') === true;
      if (!busy || Date.now() >= deadline) throw err;
      // Start-up only: a synchronous pause keeps openDatabase synchronous for its callers.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RETRY_SLEEP_MS);
    }
  }
}

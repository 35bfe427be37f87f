// Opening a service's PostgreSQL pool: its own schema on the search_path, BIGINT as number,
// and a connection made at open so an unreachable server fails start-up, not the first request.
import pg from 'pg';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface PgServiceOptions {
  url: string;
  /** The service's own schema, e.g. ab_3f2a9c_users (see schema.ts). */
  schema: string;
  /** Connections per process (each worker has its own pool). */
  poolSize: number;
}

export class StorageUnavailableError extends Error {
  readonly code = 'ERR_STORAGE_UNAVAILABLE';
}

// Timestamps (microseconds) and amounts are BIGINT; both stay far below 2^53.
const INT8_OID = 20;
const parseInt8 = (v: string): number => Number(v);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const CONNECT_TIMEOUT_MS = 5000;
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`invalid PostgreSQL identifier "${name}"`);
  return name;
}

export function unreachable(url: string, err: unknown): StorageUnavailableError {
  // AggregateError (every address refused) has an empty message but a code.
  const e = err as { code?: unknown; message?: unknown };
  const why = [e.code, e.message].filter((x) => typeof x === 'string' && x !== '').join(' ') || String(err);
  return new StorageUnavailableError(
    `cannot connect to PostgreSQL at ${redactUrl(url)} (${why}): start it, or pass another URL with --pg-url`,
  );
}

export function createPool(url: string, max: number, schema?: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types,
    ...(schema ? { options: `-c search_path=${assertIdentifier(schema)}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (err) => console.error(`postgres pool (${redactUrl(url)}): ${err.message}`));
  return pool;
}

/** A pool with one connection already made, or a StorageUnavailableError naming the URL. */
export async function openPool(opts: PgServiceOptions): Promise<pg.Pool> {
  const pool = createPool(opts.url, opts.poolSize, opts.schema);
  try {
    const client = await pool.connect();
    client.release();
    return pool;
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw unreachable(opts.url, err);
  }
}

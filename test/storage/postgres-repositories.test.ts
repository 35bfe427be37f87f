// The shared repository behaviour against the real local PostgreSQL server, plus what only
// PostgreSQL has: a schema per service and per start, dropped afterwards, and a clear error
// (not a hang) when the server cannot be reached.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PG_URL, StorageUnavailableError } from '../../targets/storage/postgres/connection.js';
import { createPgSchemas } from '../../targets/storage/postgres/schema.js';
import { provisionStorage } from '../../targets/storage/provision.js';
import { openBillingStorage, openUsersStorage } from '../../targets/storage/registry.js';
import type { StartContext } from '../../targets/target.js';
import { describeRepositoryBehaviour } from './repository-behaviour.js';

const PG_URL = process.env.ARCHBENCH_PG_URL ?? DEFAULT_PG_URL;

async function schemasLike(prefix: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    const r = await c.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1 ORDER BY 1', [`${prefix}%`]);
    return r.rows.map((x) => x.nspname);
  } finally {
    await c.end();
  }
}

describeRepositoryBehaviour('postgres', async () => {
  const schemas = await createPgSchemas(PG_URL);
  const users = await openUsersStorage({ kind: 'postgres', url: PG_URL, schema: schemas.users, poolSize: 2 });
  const billing = await openBillingStorage({ kind: 'postgres', url: PG_URL, schema: schemas.billing, poolSize: 2 });
  return {
    users,
    billing,
    close: async () => {
      await users.close();
      await billing.close();
      await schemas.drop();
    },
  };
});

describe('postgres schemas', () => {
  const dropLater: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of dropLater) await d();
  });

  it('gives each service its own schema under a fresh prefix, and drops both (idempotently)', async () => {
    const a = await createPgSchemas(PG_URL);
    dropLater.push(a.drop);
    const prefix = a.users.replace(/_users$/, '');
    expect(a.billing).toBe(`${prefix}_billing`);
    expect(await schemasLike(prefix)).toEqual([a.billing, a.users]);
    await a.drop();
    await a.drop();
    expect(await schemasLike(prefix)).toEqual([]);
  });

  it('isolates two starts: rows in one prefix are invisible to the other', async () => {
    const a = await createPgSchemas(PG_URL);
    const b = await createPgSchemas(PG_URL);
    dropLater.push(a.drop, b.drop);
    const ua = await openUsersStorage({ kind: 'postgres', url: PG_URL, schema: a.users, poolSize: 1 });
    const ub = await openUsersStorage({ kind: 'postgres', url: PG_URL, schema: b.users, poolSize: 1 });
    try {
      const rec = { id: '00000000-0000-4000-8000-000000000001', name: 'A', email: 'same@example.com', passwordHash: 'scrypt$16$8$1$s$h', createdAtUs: 1, announcedAtUs: null };
      expect(await ua.users.insert(rec)).toBe('inserted');
      // Same email, other start: no conflict, because it is another table.
      expect(await ub.users.insert(rec)).toBe('inserted');
      expect(await ub.users.findById(rec.id)).toEqual(rec);
    } finally {
      await ua.close();
      await ub.close();
    }
  });

  it('provisions from StartContext options: the --pg-url, the pool size, and a release that drops', async () => {
    const ctx = {
      dataDir: '/nonexistent',
      host: '127.0.0.1',
      signal: new AbortController().signal,
      readyTimeoutMs: 1000,
      options: { storage: 'postgres' as const, pgUrl: PG_URL, pgPoolSize: 3 },
    } satisfies StartContext;
    const p = await provisionStorage(ctx);
    dropLater.push(p.release);
    expect(p.kind).toBe('postgres');
    expect(p.users).toMatchObject({ kind: 'postgres', url: PG_URL, poolSize: 3 });
    expect(p.billing).toMatchObject({ kind: 'postgres', url: PG_URL, poolSize: 3 });
    const schema = (p.users as { schema: string }).schema;
    expect(await schemasLike(schema)).toEqual([schema]);
    await p.release();
    expect(await schemasLike(schema)).toEqual([]);
  });

  it('fails fast with the URL and the flag to change it when nothing listens there', async () => {
    const url = 'postgres://postgres:secret@127.0.0.1:1/test';
    const t0 = Date.now();
    const err = await createPgSchemas(url).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(StorageUnavailableError);
    const msg = (err as Error).message;
    expect(msg).toContain('127.0.0.1:1/test');
    expect(msg).toContain('--pg-url');
    expect(msg).toContain('ECONNREFUSED');
    expect(msg).not.toContain('secret'); // the password is redacted
    const err2 = await openUsersStorage({ kind: 'postgres', url, schema: 'x_users', poolSize: 1 }).then(() => undefined, (e: unknown) => e);
    expect(err2).toBeInstanceOf(StorageUnavailableError);
    expect(Date.now() - t0).toBeLessThan(20_000); // a refused connection is an answer, not a hang
  });
});

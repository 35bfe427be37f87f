// The read-through cache of users, at the port, on both stores for real (memory, and the local
// Redis): a write through the port leaves no stale entry, a cached "not found" included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../targets/domain/cache.js';
import type { UserRecord } from '../../targets/domain/ports.js';
import { CachedUserRepository } from '../../targets/domain/users/cached-user-repository.js';
import { memoryCache } from '../../targets/storage/cache/memory.js';
import { redisCache } from '../../targets/storage/cache/redis.js';
import { openSqliteUsers } from '../../targets/storage/sqlite/users-storage.js';
import { newNamespace } from '../../targets/transports/broker-config.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function record(id = randomUUID()): UserRecord {
  return { id, name: 'Cached', email: `${id}@example.com`, passwordHash: 'h', createdAtUs: 1_000_000, announcedAtUs: null };
}

const stores: Array<[string, () => Promise<Cache>]> = [
  ['memory', async () => memoryCache()],
  ['redis', () => redisCache('redis://127.0.0.1:6379', newNamespace())],
];

describe.each(stores)('CachedUserRepository on the %s store', (_name, open) => {
  async function repo() {
    const dir = mkdtempSync(join(tmpdir(), 'archbench-cache-'));
    dirs.push(dir);
    const storage = openSqliteUsers(dir);
    const cache = await open();
    return { cached: new CachedUserRepository(storage.users, cache, 60_000), close: () => Promise.all([storage.close(), cache.close()]) };
  }

  it('serves the second read from the cache', async () => {
    const { cached, close } = await repo();
    const r = record();
    await cached.insert(r);
    expect(await cached.findById(r.id)).toEqual(r);
    expect(await cached.findById(r.id)).toEqual(r);
    expect(cached.counters).toEqual({ hits: 1, misses: 1 });
    await close();
  });

  it('a cached "not found" is deleted by the insert that creates the user (no stale 404)', async () => {
    const { cached, close } = await repo();
    const r = record();
    expect(await cached.findById(r.id)).toBeUndefined();
    expect(await cached.findById(r.id)).toBeUndefined();
    expect(cached.counters.hits).toBe(1);
    await cached.insert(r);
    expect(await cached.findById(r.id)).toEqual(r);
    await close();
  });

  it('a write that changes the cached record (markAnnounced) is seen by the next read', async () => {
    const { cached, close } = await repo();
    const r = record();
    await cached.insert(r);
    expect((await cached.findById(r.id))?.announcedAtUs).toBeNull();
    await cached.markAnnounced(r.id, 2_000_000);
    expect((await cached.findById(r.id))?.announcedAtUs).toBe(2_000_000);
    await close();
  });

  it('entries expire after the TTL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archbench-cache-'));
    dirs.push(dir);
    const storage = openSqliteUsers(dir);
    const cache = await open();
    const cached = new CachedUserRepository(storage.users, cache, 50);
    const r = record();
    await cached.findById(r.id);
    // Written behind the cache's back: only expiry can reveal it.
    await storage.users.insert(r);
    await new Promise((res) => setTimeout(res, 120));
    expect(await cached.findById(r.id)).toEqual(r);
    await Promise.all([storage.close(), cache.close()]);
  });
});

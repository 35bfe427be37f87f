// Harness side of storage: before a target's processes start, decide each service's storage
// and create what must exist once per start (PostgreSQL schemas); remove it after stop.
import type { StartContext, StorageKind } from '../target.js';
import { DEFAULT_PG_URL } from './postgres/connection.js';
import { createPgSchemas } from './postgres/schema.js';
import type { ServiceStorageConfig, StorageBackend } from './registry.js';

export const DEFAULT_PG_POOL_SIZE = 8;

export interface ProvisionedStorage {
  kind: StorageBackend;
  users: ServiceStorageConfig;
  billing: ServiceStorageConfig;
  /** Drop what provisioning created; idempotent. */
  release(): Promise<void>;
}

/** `ctx.options.storage` wins over the target's default backend. */
export function storageKindFor(ctx: StartContext, fallback: StorageBackend): StorageBackend {
  const wanted: StorageKind = ctx.options.storage ?? fallback;
  if (wanted === 'none') throw new Error('storage "none" is not a backend a service can run on');
  return wanted;
}

export async function provisionStorage(ctx: StartContext, fallback: StorageBackend = 'sqlite'): Promise<ProvisionedStorage> {
  const kind = storageKindFor(ctx, fallback);
  if (kind === 'sqlite') {
    const c: ServiceStorageConfig = { kind, dataDir: ctx.dataDir };
    return { kind, users: c, billing: c, release: async () => undefined };
  }
  const url = ctx.options.pgUrl ?? DEFAULT_PG_URL;
  const poolSize = ctx.options.pgPoolSize ?? DEFAULT_PG_POOL_SIZE;
  const schemas = await createPgSchemas(url);
  return {
    kind,
    users: { kind, url, schema: schemas.users, poolSize },
    billing: { kind, url, schema: schemas.billing, poolSize },
    release: () => schemas.drop(),
  };
}

// The storage backends a service can be started on, one entry per kind. A service process
// receives a ServiceStorageConfig (JSON, in its child config) and opens its own storage here.
import { z } from 'zod';
import type { BillingStorage, UsersStorage } from './ports.js';
import { openSqliteBilling } from './sqlite/billing-storage.js';
import { openSqliteUsers } from './sqlite/users-storage.js';

export const sqliteStorageSchema = z.strictObject({ kind: z.literal('sqlite'), dataDir: z.string().min(1) });
export const postgresStorageSchema = z.strictObject({
  kind: z.literal('postgres'),
  url: z.string().min(1),
  /** This service's own schema. */
  schema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/),
  /** Connections per process: each worker has its own pool. */
  poolSize: z.number().int().min(1).max(100),
});
export const serviceStorageSchema = z.discriminatedUnion('kind', [sqliteStorageSchema, postgresStorageSchema]);
export type ServiceStorageConfig = z.infer<typeof serviceStorageSchema>;
export type StorageBackend = ServiceStorageConfig['kind'];

interface StorageAdapter<C> {
  openUsers(config: C): Promise<UsersStorage>;
  openBilling(config: C): Promise<BillingStorage>;
}

const sqlite: StorageAdapter<z.infer<typeof sqliteStorageSchema>> = {
  openUsers: async (c) => openSqliteUsers(c.dataDir),
  openBilling: async (c) => openSqliteBilling(c.dataDir),
};

// Loaded on first use: `pg` costs ~50 ms of module loading, paid by every fresh process of the
// `process` lifecycle even on SQLite if it were imported eagerly.
const postgres: StorageAdapter<z.infer<typeof postgresStorageSchema>> = {
  openUsers: async (c) => (await import('./postgres/users-storage.js')).openPgUsers(c),
  openBilling: async (c) => (await import('./postgres/billing-storage.js')).openPgBilling(c),
};

export const storageBackends = ['sqlite', 'postgres'] as const satisfies readonly StorageBackend[];

export function openUsersStorage(config: ServiceStorageConfig): Promise<UsersStorage> {
  return config.kind === 'sqlite' ? sqlite.openUsers(config) : postgres.openUsers(config);
}

export function openBillingStorage(config: ServiceStorageConfig): Promise<BillingStorage> {
  return config.kind === 'sqlite' ? sqlite.openBilling(config) : postgres.openBilling(config);
}

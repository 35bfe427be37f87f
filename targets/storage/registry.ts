// The storage backends a service can be started on, one entry per kind. A service process
// receives a ServiceStorageConfig (JSON, in its child config) and opens its own storage here.
import { z } from 'zod';
import { openPgBilling } from './postgres/billing-storage.js';
import { openPgUsers } from './postgres/users-storage.js';
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

const postgres: StorageAdapter<z.infer<typeof postgresStorageSchema>> = {
  openUsers: (c) => openPgUsers(c),
  openBilling: (c) => openPgBilling(c),
};

export const storageBackends = ['sqlite', 'postgres'] as const satisfies readonly StorageBackend[];

export function openUsersStorage(config: ServiceStorageConfig): Promise<UsersStorage> {
  return config.kind === 'sqlite' ? sqlite.openUsers(config) : postgres.openUsers(config);
}

export function openBillingStorage(config: ServiceStorageConfig): Promise<BillingStorage> {
  return config.kind === 'sqlite' ? sqlite.openBilling(config) : postgres.openBilling(config);
}

// --storage, --pg-url, --pg-pool, --process-pool: shared by `bench run` and `bench verify`.
import type { Command } from 'commander';
import { UsageError } from '../common/errors.js';
import { TARGET_DEFAULTS, type StorageRequest } from '../harness/target-options.js';

const { pgUrl: DEFAULT_PG_URL, pgPool: DEFAULT_PG_POOL_SIZE, processPool: DEFAULT_PROCESS_POOL, storageBackends } = TARGET_DEFAULTS;
type StorageBackend = NonNullable<StorageRequest['storage']>;
import { intOption } from './options.js';

/** Parsed here, turned into target options by the plan (harness/target-options.ts). */
export type StorageFlags = StorageRequest;

function storageOption(raw: string): StorageBackend {
  const hit = storageBackends.find((b) => b === raw);
  if (!hit) throw new UsageError(`invalid --storage "${raw}": expected one of ${storageBackends.join(', ')}`);
  return hit;
}

function pgUrlOption(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(`invalid --pg-url "${raw}": expected e.g. ${DEFAULT_PG_URL}`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new UsageError(`invalid --pg-url "${raw}": expected a postgres:// or postgresql:// URL, e.g. ${DEFAULT_PG_URL}`);
  }
  return raw;
}

export function addStorageOptions(cmd: Command): Command {
  return cmd
    .option('--storage <kind>', `storage backend of our targets: ${storageBackends.join(' or ')} (default: each target's own, sqlite)`, storageOption)
    .option('--pg-url <url>', `PostgreSQL server for --storage postgres (default ${DEFAULT_PG_URL}); each service gets its own schema`, pgUrlOption)
    .option('--pg-pool <n>', `PostgreSQL connections per process of each service, 1..100 (default ${DEFAULT_PG_POOL_SIZE})`, intOption('--pg-pool', 1, 100))
    .option('--process-pool <n>', `process lifecycle: fresh per-request processes at once, 1..256 (default ${DEFAULT_PROCESS_POOL})`, intOption('--process-pool', 1, 256));
}


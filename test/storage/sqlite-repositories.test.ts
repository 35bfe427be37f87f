// The shared repository behaviour on the embedded default: one SQLite file per service.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBillingStorage, openUsersStorage } from '../../targets/storage/registry.js';
import { describeRepositoryBehaviour } from './repository-behaviour.js';

describeRepositoryBehaviour('sqlite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'archbench-storage-'));
  const config = { kind: 'sqlite' as const, dataDir };
  const users = await openUsersStorage(config);
  const billing = await openBillingStorage(config);
  return {
    users,
    billing,
    close: async () => {
      await users.close();
      await billing.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

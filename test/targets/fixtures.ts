// Real services over real SQLite files in a temp dir, with a controllable clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BillingService } from '../../targets/domain/billing/billing-service.js';
import type { Clock } from '../../targets/domain/clock.js';
import { InProcessEventBus } from '../../targets/domain/in-process-bus.js';
import { UserService, localUserDirectory } from '../../targets/domain/users/user-service.js';
import { openSqliteBilling } from '../../targets/storage/sqlite/billing-storage.js';
import { openSqliteUsers } from '../../targets/storage/sqlite/users-storage.js';

export function tempDir(prefix = 'archbench-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Starts at a fixed instant; each reading advances 1 ms unless set explicitly. */
export class FakeClock implements Clock {
  us = Date.UTC(2025, 0, 1) * 1000;
  nowMicros(): number {
    this.us += 1000;
    return this.us;
  }
}

export function domainFixture() {
  const dir = tempDir();
  const clock = new FakeClock();
  const usersStorage = openSqliteUsers(dir.path);
  const billingStorage = openSqliteBilling(dir.path);
  const bus = new InProcessEventBus();
  const users = new UserService({ users: usersStorage.users, events: bus, clock });
  const billing = new BillingService({
    invoices: billingStorage.invoices,
    accounts: billingStorage.accounts,
    directory: localUserDirectory(users),
    clock,
  });
  billing.subscribeTo(bus);
  return {
    dir: dir.path,
    clock,
    bus,
    users,
    billing,
    async close() {
      await usersStorage.close();
      await billingStorage.close();
      dir.remove();
    },
  };
}

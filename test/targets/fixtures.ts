// Real services over real SQLite files in a temp dir, with a controllable clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PasswordHasher } from '../../targets/domain/auth/password-hasher.js';
import { BillingService } from '../../targets/domain/billing/billing-service.js';
import type { Clock } from '../../targets/domain/clock.js';
import type { EventBus } from '../../targets/domain/events.js';
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

/** The cheapest valid scrypt cost: tests check behaviour, not hashing strength. */
export const TEST_SCRYPT_N = 16;

/** `publishVia` wraps the bus the users service publishes to (e.g. to fail a publish). */
export function domainFixture(publishVia: (bus: EventBus) => EventBus = (b) => b) {
  const dir = tempDir();
  const clock = new FakeClock();
  const usersStorage = openSqliteUsers(dir.path);
  const billingStorage = openSqliteBilling(dir.path);
  const bus = new InProcessEventBus();
  const passwords = new PasswordHasher(TEST_SCRYPT_N);
  const users = new UserService({ users: usersStorage.users, events: publishVia(bus), passwords, clock });
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
    passwords,
    usersStorage,
    users,
    billing,
    async close() {
      await usersStorage.close();
      await billingStorage.close();
      dir.remove();
    },
  };
}

// Child entry of the bare-node-http reference target.
import { PasswordHasher } from '../domain/auth/password-hasher.js';
import { serveChild } from '../lifecycle/child.js';
import { closingAlso } from '../lifecycle/owned.js';
import { openSqliteUsers } from '../storage/sqlite/users-storage.js';
import { parseBaselineConfig, type BaselineConfig } from './config.js';
import { serveBaseline } from './server.js';

serveChild<BaselineConfig>(async (raw) => {
  const cfg = parseBaselineConfig(raw);
  const storage = openSqliteUsers(cfg.dataDir);
  return closingAlso(() => storage.close(), () => serveBaseline(storage.users, new PasswordHasher(cfg.scryptN), cfg));
});

// Child entry of the bare-node-http reference target.
import { serveChild } from '../lifecycle/child.js';
import { openSqliteUsers } from '../storage/sqlite/users-storage.js';
import { parseBaselineConfig, type BaselineConfig } from './config.js';
import { serveBaseline } from './server.js';

serveChild<BaselineConfig>(async (raw) => {
  const cfg = parseBaselineConfig(raw);
  const storage = openSqliteUsers(cfg.dataDir);
  try {
    const server = await serveBaseline(storage.users, cfg);
    return {
      host: server.host,
      port: server.port,
      close: async () => {
        try {
          await server.close();
        } finally {
          await storage.close();
        }
      },
    };
  } catch (err) {
    await storage.close();
    throw err;
  }
});

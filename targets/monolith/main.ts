// Child entry of the monolith targets: one process serving the whole API.
import { serveChild } from '../lifecycle/child.js';
import { createMonolithApp } from './app.js';
import { parseMonolithConfig, type MonolithConfig } from './config.js';
import type { ServeApi } from './edge.js';

serveChild<MonolithConfig>(async (raw) => {
  const cfg = parseMonolithConfig(raw);
  // Load only the framework in use: the other one's import cost is not this target's.
  const serve: ServeApi =
    cfg.framework === 'fastify'
      ? (await import('./fastify.js')).serveFastify
      : (await import('./express.js')).serveExpress;
  const app = createMonolithApp({ dataDir: cfg.dataDir, jwtSecret: cfg.jwtSecret });
  try {
    const server = await serve(app.routes, { host: cfg.host, port: cfg.port, injectCpuUs: cfg.injectCpuUs });
    return {
      host: server.host,
      port: server.port,
      close: async () => {
        try {
          await server.close();
        } finally {
          await app.close();
        }
      },
    };
  } catch (err) {
    await app.close();
    throw err;
  }
});

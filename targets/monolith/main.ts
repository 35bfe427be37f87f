// Child entry of the monolith targets: the whole API behind one HTTP edge, served by the
// configured lifecycle, in one process or in node:cluster workers.
import { serveChild } from '../lifecycle/child.js';
import { closingAlso } from '../lifecycle/owned.js';
import { DEFAULT_PROCESS_TIMEOUT_MS } from '../lifecycle/process-per-request.js';
import { lifecycles } from '../lifecycle/registry.js';
import { childEntry } from '../lifecycle/spawn.js';
import { forkWorkers, isClusterPrimary } from '../lifecycle/workers.js';
import { answerCacheStats } from '../lifecycle/cache-stats.js';
import { WebStack } from '../contracts/http/web-stack.js';
import { startTick, tickRunsHere } from '../lifecycle/tick.js';
import { parseMonolithConfig, type MonolithConfig } from './config.js';
import type { ServeApi } from './edge.js';
import { buildMonolithFromConfig } from './factory.js';

serveChild<MonolithConfig>(async (raw) => {
  const cfg = parseMonolithConfig(raw);
  const tick = cfg.tick && tickRunsHere(cfg.tick.in, cfg.workers) ? await startTick(cfg.tick) : undefined;
  return closingAlso(async () => tick?.close(), () => serveMonolith(cfg));
});

async function serveMonolith(cfg: MonolithConfig) {
  // The primary only forks and supervises; each worker runs this module again and serves.
  if (isClusterPrimary(cfg.workers)) return forkWorkers(cfg.workers, cfg.readyTimeoutMs);
  // Load only the framework in use: the other one's import cost is not this target's.
  answerCacheStats();
  const serve: ServeApi =
    cfg.framework === 'fastify'
      ? (await import('./fastify.js')).serveFastify
      : (await import('./express.js')).serveExpress;
  const app = await lifecycles[cfg.lifecycle]({
    build: buildMonolithFromConfig,
    process: {
      entry: childEntry(import.meta.url, './request-main.js'),
      poolSize: cfg.processPool,
      timeoutMs: DEFAULT_PROCESS_TIMEOUT_MS,
    },
  });
  if (cfg.graphqlLoader && !app.graphql) throw new Error(`GraphQL needs a container that lives across requests; the ${cfg.lifecycle} lifecycle builds one per request`);
  const graphql = cfg.graphqlLoader && app.graphql ? { ...app.graphql, loader: cfg.graphqlLoader === 'on' } : undefined;
  // One secret per target: the session cookie is signed with the JWT secret.
  const web = cfg.middleware === 'web' ? new WebStack({ secret: cfg.jwtSecret, logFile: cfg.accessLog }) : undefined;
  const release = async () => Promise.all([app.close(), web?.close()]);
  return closingAlso(release, () => serve(app.routes, { host: cfg.host, port: cfg.port, injectCpuUs: cfg.injectCpuUs, ...(web ? { web } : {}), ...(graphql ? { graphql } : {}) }));
}

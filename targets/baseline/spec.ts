// bare-node-http: a reference peer serving GET /health, POST /users and GET /users/:id only,
// to measure what the frameworks (and the domain layer) add. Not put through conformance.
import { scryptNFor } from '../contracts/password-cost.js';
import { childEntry, spawnService, spawnOptionsFrom } from '../lifecycle/spawn.js';
import type { RunningTarget, StartContext, TargetSpec } from '../target.js';
import { singleProcessTarget } from '../monolith/running-target.js';
import type { BaselineConfig } from './config.js';

export const bareNodeHttp: TargetSpec = {
  name: 'bare-node-http',
  reference: true,
  axes: { topology: 'monolith', framework: 'node-http', lifecycle: 'persistent', workers: 1, storage: 'sqlite' },
  description: 'reference: plain node:http, same SQLite adapter; serves /health, POST /users, GET /users/:id only',
  async start(ctx: StartContext): Promise<RunningTarget> {
    const config: BaselineConfig = {
      host: ctx.host,
      port: 0,
      dataDir: ctx.dataDir,
      injectCpuUs: ctx.options.injectCpuUs ?? 0,
      scryptN: scryptNFor(ctx),
    };
    const proc = await spawnService({
      name: 'bare-node-http',
      entry: childEntry(import.meta.url, './main.js'),
      config,
      ...spawnOptionsFrom(ctx),
    });
    return singleProcessTarget(proc);
  },
};

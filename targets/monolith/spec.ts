// The monolith targets: the whole API in one persistent process, on fastify or express.
import { jwtSecretFor } from '../contracts/jwt-secret.js';
import { siblingEntry, spawnService } from '../lifecycle/spawn.js';
import type { RunningTarget, StartContext, TargetSpec } from '../target.js';
import type { MonolithConfig, MonolithFramework } from './config.js';
import { singleProcessTarget } from './running-target.js';

/** A RunningTarget that also tells the harness the secret its tokens are signed with. */
export interface RunningTargetWithSecret extends RunningTarget {
  jwtSecret: string;
}

export function monolith(framework: MonolithFramework): TargetSpec {
  const name = `monolith-${framework}`;
  return {
    name,
    axes: { topology: 'monolith', framework, lifecycle: 'persistent', workers: 1, storage: 'sqlite' },
    description: `the whole API (users + billing) in one persistent ${framework} process, SQLite storage`,
    async start(ctx: StartContext): Promise<RunningTargetWithSecret> {
      const jwtSecret = jwtSecretFor(ctx);
      const config: MonolithConfig = {
        framework,
        host: ctx.host,
        port: 0,
        dataDir: ctx.dataDir,
        jwtSecret,
        injectCpuUs: ctx.options.injectCpuUs ?? 0,
      };
      const proc = await spawnService({
        name,
        entry: siblingEntry(import.meta.url, './main.js'),
        config,
        readyTimeoutMs: ctx.readyTimeoutMs,
        signal: ctx.signal,
        ...(ctx.options.env ? { env: ctx.options.env } : {}),
        ...(ctx.options.nodeArgs ? { nodeArgs: ctx.options.nodeArgs } : {}),
        ...(ctx.options.cpus ? { cpus: ctx.options.cpus } : {}),
      });
      return { ...singleProcessTarget(proc), jwtSecret };
    },
  };
}

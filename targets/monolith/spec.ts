// The monolith targets: the whole API in one HTTP edge, on fastify or express, under any
// lifecycle (persistent, boot per request, process per request) and worker count.
import { stoppingAlso } from '../lifecycle/owned.js';
import { jwtSecretFor } from '../contracts/jwt-secret.js';
import { scryptNFor } from '../contracts/password-cost.js';
import { DEFAULT_PROCESS_POOL } from '../lifecycle/process-per-request.js';
import { childEntry, spawnService, spawnOptionsFrom } from '../lifecycle/spawn.js';
import { STATE_PROBE_ENV } from '../lifecycle/state-probe.js';
import { join } from 'node:path';
import { mergeSwitches, withEdgeAxes, type EdgeSwitches } from '../edge/switches.js';
import { provisionStorage } from '../storage/provision.js';
import type { Lifecycle, RunningTarget, StartContext, TargetSpec } from '../target.js';
import type { MonolithConfig, MonolithFramework } from './config.js';
import { singleProcessTarget } from './running-target.js';
import { cacheStatsSource } from '../lifecycle/cache-stats.js';
import { SWITCH_AXES, switchesFor } from '../switches.js';

/** A RunningTarget that also tells the harness the secret its tokens are signed with. */
export interface RunningTargetWithSecret extends RunningTarget {
  jwtSecret: string;
}

export interface MonolithShape {
  lifecycle?: Lifecycle;
  workers?: number;
  /** The catalog variant's own edge switches (the command line may override them). */
  edge?: EdgeSwitches;
}

/** monolith-<framework>[-boot|-process][-w<N>][-web][-tick[-process]][-graphql[-noloader]] */
export function monolithName(framework: MonolithFramework, { lifecycle = 'persistent', workers = 1, edge = {} }: MonolithShape = {}): string {
  const variant =
    (edge.middleware === 'web' ? '-web' : '') +
    (edge.tick ? `-tick${edge.tickIn === 'process' ? '-process' : ''}` : '') +
    (edge.graphqlLoader ? `-graphql${edge.graphqlLoader === 'off' ? '-noloader' : ''}` : '');
  return `monolith-${framework}${lifecycle === 'persistent' ? '' : `-${lifecycle}`}${workers > 1 ? `-w${workers}` : ''}${variant}`;
}

const LIFECYCLE_WORDS: Record<Lifecycle, string> = {
  persistent: 'one persistent',
  boot: 'a persistent server that boots the whole application per request (PHP-FPM model) in one',
  process: 'a server that spawns a fresh Node process per request (CGI / cold start) from one',
};

function stateProbeOf(ctx: StartContext): MonolithConfig['stateProbe'] {
  const v = ctx.options.env?.[STATE_PROBE_ENV];
  return v === 'shared' ? 'shared' : v === '1' || v === 'on' ? 'on' : 'off';
}

export function monolith(framework: MonolithFramework, shape: MonolithShape = {}): TargetSpec {
  const lifecycle = shape.lifecycle ?? 'persistent';
  const workers = shape.workers ?? 1;
  const own = shape.edge ?? {};
  const name = monolithName(framework, { lifecycle, workers, edge: own });
  const where = workers > 1 ? `${workers} node:cluster worker processes` : 'process';
  const baseAxes = { topology: 'monolith', framework, lifecycle, workers, storage: 'sqlite', middleware: 'lean', ...(lifecycle === 'persistent' ? { tick: 'off' } : {}) } as const;
  return {
    name,
    axes: withEdgeAxes({ ...baseAxes, ...SWITCH_AXES }, own),
    description: `the whole API (users + billing) in ${LIFECYCLE_WORDS[lifecycle]} ${framework} ${where}, SQLite storage (--storage postgres)${variantWords(own)}`,
    async start(ctx: StartContext): Promise<RunningTargetWithSecret> {
      const edge = mergeSwitches(own, ctx.options.edge);
      const jwtSecret = jwtSecretFor(ctx);
      // Only one persistent process may count the rate limit in its own memory.
      const switches = await switchesFor(ctx.options, lifecycle === 'persistent' ? workers : Number.POSITIVE_INFINITY);
      const storage = await provisionStorage(ctx);
      const config: MonolithConfig = {
        framework,
        host: ctx.host,
        port: ctx.options.port ?? 0,
        jwtSecret,
        scryptN: scryptNFor(ctx),
        injectCpuUs: ctx.options.injectCpuUs ?? 0,
        lifecycle,
        // --workers replaces the count of a persistent target (the plan refuses it elsewhere).
        workers: lifecycle === 'persistent' ? (ctx.options.workers ?? workers) : workers,
        processPool: ctx.options.processPool ?? DEFAULT_PROCESS_POOL,
        storage: { users: storage.users, billing: storage.billing },
        stateProbe: stateProbeOf(ctx),
        readyTimeoutMs: ctx.readyTimeoutMs,
        switches,
        middleware: edge.middleware ?? 'lean',
        accessLog: join(ctx.dataDir, 'access.log'),
        ...(edge.graphqlLoader ? { graphqlLoader: edge.graphqlLoader } : {}),
        ...(edge.tick ? { tick: { ...edge.tick, in: edge.tickIn ?? 'worker', log: join(ctx.dataDir, 'tick.log') } } : {}),
      };
      return stoppingAlso(
        () => storage.release(),
        async () => {
          const proc = await spawnService({ name, entry: childEntry(import.meta.url, './main.js'), config, ...spawnOptionsFrom(ctx) });
          return { ...singleProcessTarget(proc), jwtSecret, ...(switches.cache ? { cache: cacheStatsSource([proc]) } : {}) };
        },
      );
    },
  };
}

function variantWords(e: EdgeSwitches): string {
  const words: string[] = [];
  if (e.middleware === 'web') words.push('web middleware (cookie session, CSRF, access log) before every route');
  if (e.tick) words.push(`a ${e.tick.cpuMs} ms CPU tick every ${e.tick.periodMs} ms ${e.tickIn === 'process' ? 'in a separate process' : 'inside the worker'}`);
  if (e.graphqlLoader) words.push(`POST /graphql ${e.graphqlLoader === 'on' ? 'with' : 'without'} a batching user loader`);
  return words.length ? `; ${words.join('; ')}` : '';
}

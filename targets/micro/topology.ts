// Starting the micro topology: N users and N billing instances (each its own process, each
// service its own database), then the peers' addresses to every backend, then the gateway.
// The harness sees one RunningTarget: every pid, and `exited` as soon as ANY process exits.
import { join } from 'node:path';
import { childEntry, spawnService, type ServiceProcess, type SpawnServiceOptions, spawnOptionsFrom } from '../lifecycle/spawn.js';
import { connectUrl } from '../monolith/running-target.js';
import { backendEventStats } from './event-stats-source.js';
import type { BackendConfig, GatewayConfig, Peers, PeersMessage } from '../services/config.js';
import type { ServiceStorageConfig } from '../storage/registry.js';
import type { ExitInfo, RunningTarget, StartContext } from '../target.js';
import type { ServiceName } from '../transports/transport.js';
import { cacheStatsSource } from '../lifecycle/cache-stats.js';
import type { Switches } from '../switches.js';
import type { EdgeSwitches } from '../edge/switches.js';

/** The backend instance that runs a --tick (its work is billing's). */
export const TICK_INSTANCE = 'billing#1';

export interface TopologyPlan {
  /** Target name, prefix of every process name ("micro-rest-fastify/users#1"). */
  name: string;
  framework: GatewayConfig['framework'];
  transport: string;
  replicas: number;
  jwtSecret: string;
  /** Password hashing cost of the users service (scrypt N). */
  scryptN: number;
  storage: Record<ServiceName, ServiceStorageConfig>;
  callTimeoutMs: number;
  brokerUrl?: string;
  /** Prefix of every broker name for this start (broker transports). */
  brokerNamespace?: string;
  switches: Switches;
  /** --middleware, --tick, --graphql-loader: the gateway serves the first and last, billing#1 runs the tick. */
  edge: EdgeSwitches;
}

const ENTRIES: Record<ServiceName | 'gateway', string> = {
  users: '../services/users/main.js',
  billing: '../services/billing/main.js',
  gateway: '../services/gateway/main.js',
};

/** SQLite: a folder per service, so that each service visibly owns its database. */
export function ownDatabase(storage: ServiceStorageConfig, service: ServiceName): ServiceStorageConfig {
  return storage.kind === 'sqlite' ? { ...storage, dataDir: join(storage.dataDir, service) } : storage;
}

export async function startTopology(ctx: StartContext, plan: TopologyPlan): Promise<RunningTarget> {
  const started: ServiceProcess[] = [];
  const stopAll = async () => {
    // Gateway first (it is last in the list): no new calls reach a stopping backend.
    for (const p of [...started].reverse()) await p.stop().catch(() => undefined);
  };
  const spawnOne = async (name: string, entry: string, config: unknown): Promise<ServiceProcess> => {
    const opts: SpawnServiceOptions = {
      name: `${plan.name}/${name}`,
      entry: childEntry(import.meta.url, entry),
      config,
      ...spawnOptionsFrom(ctx),
    };
    const p = await spawnService(opts);
    started.push(p);
    return p;
  };
  const broker = { ...(plan.brokerUrl === undefined ? {} : { brokerUrl: plan.brokerUrl }), ...(plan.brokerNamespace === undefined ? {} : { brokerNamespace: plan.brokerNamespace }) };
  try {
    const backends: Array<{ service: ServiceName; proc: Promise<ServiceProcess> }> = [];
    for (const service of ['users', 'billing'] as const) {
      for (let i = 1; i <= plan.replicas; i++) {
        const instance = `${service}#${i}`;
        const config: BackendConfig = {
          service,
          instance,
          transport: plan.transport,
          host: ctx.host,
          port: 0,
          callTimeoutMs: plan.callTimeoutMs,
          storage: ownDatabase(plan.storage[service], service),
          scryptN: plan.scryptN,
          switches: plan.switches,
          ...broker,
          // One tick per period for the topology, whatever the replicas: in the first billing instance.
          ...(plan.edge.tick && instance === TICK_INSTANCE ? { tick: { ...plan.edge.tick, in: plan.edge.tickIn ?? 'worker', log: join(ctx.dataDir, 'tick.log') } } : {}),
        };
        backends.push({ service, proc: spawnOne(instance, ENTRIES[service], config) });
      }
    }
    // All settle before we go on: a failed start must not leave its siblings running.
    const settled = await Promise.allSettled(backends.map((b) => b.proc));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const peers: Peers = { users: [], billing: [] };
    for (const [i, b] of backends.entries()) {
      const p = (settled[i] as PromiseFulfilledResult<ServiceProcess>).value;
      // Broker transports listen on no port (0): callers reach them through the broker.
      if (p.port > 0) peers[b.service].push({ host: connectHost(p.host), port: p.port });
    }
    const message: PeersMessage = { type: 'peers', peers };
    for (const p of started) p.send(message);

    const gatewayConfig: GatewayConfig = {
      framework: plan.framework,
      transport: plan.transport,
      host: ctx.host,
      port: ctx.options.port ?? 0,
      callTimeoutMs: plan.callTimeoutMs,
      jwtSecret: plan.jwtSecret,
      injectCpuUs: ctx.options.injectCpuUs ?? 0,
      middleware: plan.edge.middleware ?? 'lean',
      accessLog: join(ctx.dataDir, 'gateway-access.log'),
      peers,
      switches: plan.switches,
      ...broker,
      ...(plan.edge.graphqlLoader ? { graphqlLoader: plan.edge.graphqlLoader } : {}),
    };
    // In backends' order (users first): `started` is in order of start-up, which races.
    const backendProcs = settled.map((s) => (s as PromiseFulfilledResult<ServiceProcess>).value);
    const gateway = await spawnOne('gateway', ENTRIES.gateway, gatewayConfig);
    const usersProcs = backendProcs.filter((_, i) => backends[i]!.service === 'users');
    return {
      ...topologyTarget(connectUrl(gateway.host, gateway.port), started, stopAll),
      events: backendEventStats(backendProcs),
      ...(plan.switches.cache ? { cache: cacheStatsSource(usersProcs) } : {}),
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** Wildcard binds are reached on loopback. */
export function connectHost(host: string): string {
  return host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
}

/** Several service processes as one target at `url`: every pid, and `exited` as soon as any exits. */
export function topologyTarget(url: string, all: ServiceProcess[], stopAll: () => Promise<void>): RunningTarget {
  let stopping = false;
  const exited = new Promise<ExitInfo & { process: string }>((resolve) => {
    for (const p of all) void p.exited.then((e) => resolve({ ...e, process: p.name }));
  });
  return {
    url,
    pids: () => all.map((p) => p.pid),
    // Exits caused by our own stop() are not crashes: never resolve for them.
    exited: exited.then((e) => (stopping ? new Promise<never>(() => undefined) : e)),
    stderrTail: () => all.flatMap((p) => p.stderrTail().map((line) => `[${p.name}] ${line}`)).slice(-40),
    stop: async () => {
      stopping = true;
      await stopAll();
    },
  };
}

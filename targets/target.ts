// What every target is, whatever its architecture: the harness only sees these types.
import type { EdgeSwitches, Middleware, OnOff, TickPlacement } from './edge/switches.js';
import type { ProcessWrapper } from './lifecycle/wrap.js';

export type Topology = 'monolith' | 'micro' | 'calibration' | 'external';
export type Lifecycle = 'persistent' | 'boot' | 'process';
export type Framework = 'fastify' | 'express' | 'node-http' | 'none';
export type StorageKind = 'sqlite' | 'postgres' | 'none';

/** One point in the architecture matrix (shared/DESIGN.md section 1). */
export interface Axes {
  topology: Topology;
  framework: Framework;
  lifecycle: Lifecycle;
  workers: number;
  storage: StorageKind;
  /** Service-to-service protocol; only for `micro`. */
  transport?: string;
  /** Instances of each backend service; only for `micro`. */
  replicas?: number;
  // Issue 17 playbook switches (targets/switches.ts); present on the targets that have them.
  /** Read-through cache of users: none, memory, redis. */
  cache?: string;
  /** Rate limit per subject, "N/S" or off. */
  throttle?: string;
  /** planted or none (--plant-leak). */
  leak?: string;
  // Edge switches (issue 17 items 4-6, targets/edge/switches.ts); absent where they do not apply.
  /** HTTP edge middleware: lean (API only) or web (session, CSRF, request log). */
  middleware?: Middleware;
  /** Background tick "PERIOD:CPU" or "off"; persistent monolith targets only. */
  tick?: string;
  /** Where the tick runs; only with a tick. */
  tickIn?: TickPlacement;
  /** Micro targets: the service whose process runs the tick (billing). */
  tickService?: string;
  /** Present on targets serving POST /graphql: whether user reads are batched by a loader. */
  graphqlLoader?: OnOff;
}

export interface StartContext {
  /** A fresh folder this target may write its databases to. */
  dataDir: string;
  /** Interface to bind; loopback unless the user asked otherwise. */
  host: string;
  /** Aborted when the harness gives up (Ctrl-C, timeout). */
  signal: AbortSignal;
  /** How long the target may take to say it is listening. */
  readyTimeoutMs: number;
  /** Extra options from the command line that some targets read (storage URL, replicas, ...). */
  options: TargetOptions;
}

export interface TargetOptions {
  /** Port of the HTTP edge (bench serve --port); default 0, a free one. */
  port?: number;
  storage?: StorageKind;
  pgUrl?: string;
  /** PostgreSQL connections per process of each service (every worker has its own pool). */
  pgPoolSize?: number;
  /** `process` lifecycle: fresh per-request processes allowed at once; more requests queue. */
  processPool?: number;
  replicas?: number;
  /** Password hashing cost (scrypt N, a power of two); default: ARCHBENCH_SCRYPT_N or 512 (contracts/password-cost.ts). */
  scryptN?: number;
  /** Persistent monoliths: node:cluster worker processes, replacing the target's own count. */
  workers?: number;
  /** Busy work per request, to test the regression gate with a known slowdown. */
  injectCpuUs?: number;
  /** Wrap the target in `taskset -c <cpus>`. */
  cpus?: string;
  /** Extra node flags for every process of the target (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Run every service process of the target inside this wrapper (a profiler host, lifecycle/wrap.ts). */
  wrap?: ProcessWrapper;
  env?: Record<string, string>;
  /** Broker URLs from --nats-url/--amqp-url/--redis-url (else ARCHBENCH_*_URL, else local defaults). */
  brokerUrls?: { nats?: string; amqp?: string; redis?: string };

  // Issue 17 playbook switches (targets/switches.ts): cache, rate limit, planted state leak.
  /** --cache: read-through cache of GET /users/:id; none by default. */
  cache?: 'none' | 'memory' | 'redis';
  /** --cache-ttl in seconds. */
  cacheTtlS?: number;
  /** --throttle N/S: at most `limit` requests per subject per `windowS` seconds. */
  throttle?: { limit: number; windowS: number };
  /** --plant-leak: the "current user" cached in a container singleton (persistent targets). */
  plantLeak?: boolean;
  /** Edge switches from --middleware, --tick, --tick-in, --graphql-loader (issue 17 items 4-6). */
  edge?: EdgeSwitches;
}

/** Events published and consumed by a target's services over a window (micro topologies). */
export interface TargetEventStats {
  /** Acknowledged by the transport (broker confirm, or the consumer for direct transports). */
  published: number;
  publishFailed: number;
  /** Committed for the first time by the consumer. */
  consumed: number;
  /** Deliveries that changed nothing (the idempotent consumer saw the event before). */
  duplicates: number;
  redelivered: number;
  /** Publish -> committed, one base64 HDR histogram (microseconds) per consuming process. */
  latencyHistograms: string[];
  /** Broker connections that dropped during the window, per process. */
  outages: Array<{ process: string; connection: string; fromMs: number; toMs: number | null; reason: string }>;
}

export interface EventStatsSource {
  /** Start a window: only events occurring from this wall-clock ms count. */
  reset(fromMs: number): Promise<void>;
  read(): Promise<TargetEventStats>;
}

/** Thrown by start() when something the target needs is absent (a broker): the harness skips it. */
export class TargetUnavailableError extends Error {
  readonly code = 'ERR_TARGET_UNAVAILABLE';
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningTarget {
  /** Base URL of the HTTP edge, e.g. http://127.0.0.1:41234 */
  url: string;
  /** PIDs of the root processes of this target (their whole trees are sampled). */
  pids(): number[];
  /** Resolves when any process of the target exits on its own (a crash, from the harness's point of view). */
  readonly exited: Promise<ExitInfo & { process: string }>;
  /** The last lines the target wrote to stderr, for error messages. */
  stderrTail(): string[];
  /** The HS256 secret the target signs tokens with, when the harness knows it (conformance checks expiry with it). */
  jwtSecret?: string;
  /** SIGTERM, then SIGKILL on the whole process group; idempotent. */
  stop(): Promise<void>;
  /** Event counters and publish -> commit latency, for targets whose services exchange events. */
  events?: EventStatsSource;
  /** Hits and misses of the read-through cache (--cache), totals since start. */
  cache?: { read(): Promise<{ hits: number; misses: number }> };
}

export interface TargetSpec {
  name: string;
  axes: Axes;
  description: string;
  /**
   * A reference peer (e.g. a bare node:http server) that serves only part of the API
   * to measure framework overhead against; it is not put through the conformance suite.
   */
  reference?: boolean;
  /** What its url speaks: http (default, http://host:port) or grpc (grpc://host:port, loaded by the grpc runner). */
  protocol?: 'http' | 'grpc';
  start(ctx: StartContext): Promise<RunningTarget>;
}

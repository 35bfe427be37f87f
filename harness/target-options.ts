// Storage and broker settings of our targets (--storage, --pg-url, --pg-pool, --process-pool,
// --nats-url, --amqp-url, --redis-url) turned into the TargetOptions the targets read. A flag
// wins over its ARCHBENCH_*_URL variable, which wins over the local standard port.
import { UsageError } from '../common/errors.js';
import { DEFAULT_PROCESS_POOL } from '../targets/lifecycle/process-per-request.js';
import { DEFAULT_PG_URL } from '../targets/storage/postgres/connection.js';
import { DEFAULT_PG_POOL_SIZE } from '../targets/storage/provision.js';
import { storageBackends, type StorageBackend } from '../targets/storage/registry.js';
import type { TargetOptions } from '../targets/target.js';
import { BROKERS, brokerKinds, brokerUrlProblem, type BrokerKind, type BrokerUrls } from '../targets/transports/broker-config.js';

/** The targets' own defaults, for help texts: the options below only override them. */
export const TARGET_DEFAULTS = { pgUrl: DEFAULT_PG_URL, pgPool: DEFAULT_PG_POOL_SIZE, processPool: DEFAULT_PROCESS_POOL, storageBackends } as const;

/** The brokers' flags, variables and URL checks, for the commands that take broker URLs. */
export { BROKERS, brokerKinds, brokerUrlProblem, type BrokerKind };

export interface StorageRequest {
  storage?: StorageBackend;
  pgUrl?: string;
  pgPool?: number;
  processPool?: number;
}

export interface BrokerRequest {
  natsUrl?: string;
  amqpUrl?: string;
  redisUrl?: string;
}

const FLAG_KEYS: Record<BrokerKind, keyof BrokerRequest> = { nats: 'natsUrl', amqp: 'amqpUrl', redis: 'redisUrl' };

export function storageTargetOptions(req: StorageRequest): TargetOptions {
  if ((req.pgUrl !== undefined || req.pgPool !== undefined) && req.storage !== 'postgres') {
    throw new UsageError('--pg-url and --pg-pool apply to --storage postgres; add --storage postgres');
  }
  return {
    ...(req.storage ? { storage: req.storage } : {}),
    ...(req.pgUrl ? { pgUrl: req.pgUrl } : {}),
    ...(req.pgPool ? { pgPoolSize: req.pgPool } : {}),
    ...(req.processPool ? { processPool: req.processPool } : {}),
  };
}

export function brokerTargetOptions(req: BrokerRequest, env: NodeJS.ProcessEnv = process.env): Pick<TargetOptions, 'brokerUrls'> {
  const urls: BrokerUrls = {};
  for (const kind of brokerKinds) {
    const b = BROKERS[kind];
    const fromFlag = req[FLAG_KEYS[kind]];
    const fromEnv = env[b.envVar];
    if (fromFlag === undefined && fromEnv !== undefined) {
      const problem = brokerUrlProblem(kind, fromEnv);
      if (problem) throw new UsageError(`invalid ${b.envVar} "${fromEnv}": ${problem} (or pass ${b.flag})`);
    }
    const url = fromFlag ?? fromEnv;
    if (url !== undefined) urls[kind] = url;
  }
  return Object.keys(urls).length ? { brokerUrls: urls } : {};
}

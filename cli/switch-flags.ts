// --cache, --cache-ttl, --throttle, --plant-leak: the playbook switches of our targets (issue 17),
// shared by `bench run` and `bench verify`; with the edge switches (--middleware, --tick,
// --tick-in, --graphql-loader) by `bench serve`, `bench profile` and `bench gate-check`.
// Validated with the plan (harness/switch-options.ts, harness/edge-options.ts).
import type { Command } from 'commander';
import type { EdgeRequest } from '../harness/edge-options.js';
import type { SwitchRequest } from '../harness/switch-options.js';
import { addEdgeOptions, type EdgeFlags } from './edge-options.js';
import { DEFAULT_CACHE_TTL_S } from '../targets/switches.js';
import { secondsOption } from './options.js';

const ttlSeconds = secondsOption('--cache-ttl', 1, 86_400);
/** Whole milliseconds: Redis's PX takes an integer. */
const cacheTtlOption = (raw: string): number => Math.round(ttlSeconds(raw) * 1000) / 1000;

export interface SwitchFlags {
  cache?: string;
  cacheTtl?: number;
  throttle?: string;
  plantLeak?: boolean;
}

export function addSwitchOptions(cmd: Command): Command {
  return cmd
    .option('--cache <store>', 'read-through cache of GET /users/:id: none, memory (per process) or redis (shared by workers and replicas; --redis-url)')
    .option('--cache-ttl <duration>', `time to live of a cached user, 1s..24h (default ${DEFAULT_CACHE_TTL_S}s)`, cacheTtlOption)
    .option('--throttle <N/S>', 'rate limit: N requests per S seconds per token subject (per client address when anonymous); 429 with Retry-After past it')
    .option('--plant-leak', 'persistent targets: cache the first "current user" in a container singleton, the Octane leak `bench verify --state` catches');
}

export function switchRequest(flags: SwitchFlags): SwitchRequest {
  return {
    ...(flags.cache !== undefined ? { cache: flags.cache } : {}),
    ...(flags.cacheTtl !== undefined ? { cacheTtlS: flags.cacheTtl } : {}),
    ...(flags.throttle !== undefined ? { throttle: flags.throttle } : {}),
    ...(flags.plantLeak ? { plantLeak: true } : {}),
  };
}

/** Every playbook switch: the target switches above and the edge switches. */
export function addPlaybookOptions(cmd: Command): Command {
  return addEdgeOptions(addSwitchOptions(cmd));
}

export type PlaybookFlags = SwitchFlags & EdgeFlags;

export function playbookRequest(flags: PlaybookFlags): SwitchRequest & EdgeRequest {
  return {
    ...switchRequest(flags),
    ...(flags.middleware ? { middleware: flags.middleware } : {}),
    ...(flags.tick !== undefined ? { tick: flags.tick } : {}),
    ...(flags.tickIn ? { tickIn: flags.tickIn } : {}),
    ...(flags.graphqlLoader ? { graphqlLoader: flags.graphqlLoader } : {}),
  };
}

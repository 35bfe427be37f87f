// The playbook switches (--cache, --cache-ttl, --throttle, --plant-leak) turned into the
// TargetOptions our targets read, with every place they do not apply named: a switch on a
// target without it, a per-process cache or leak on a target that rebuilds per request, and
// a Redis store with no Redis listening (URL tried, flag to set another). All usage errors.
import { UsageError } from '../common/errors.js';
import { CACHE_STORES, parseThrottle, type CacheStore } from '../targets/switches.js';
import type { TargetOptions, TargetSpec } from '../targets/target.js';
import { resolveBrokerUrl } from '../targets/transports/broker-config.js';
import { probeBroker, unreachableMessage } from '../targets/transports/broker-probe.js';
import { edgeTargetOptions, type EdgeRequest } from './edge-options.js';

export interface SwitchRequest {
  cache?: string;
  cacheTtlS?: number;
  throttle?: string;
  plantLeak?: boolean;
}

type SwitchOptions = Pick<TargetOptions, 'cache' | 'cacheTtlS' | 'throttle' | 'plantLeak'>;

/** Targets that carry the switches (our monoliths and micro topologies) have the `cache` axis. */
const hasSwitches = (t: TargetSpec) => t.axes.cache !== undefined;

/** Every problem, each one line; the options when there is none. */
export function switchTargetOptions(req: SwitchRequest, targets: readonly TargetSpec[]): { options: SwitchOptions; problems: string[] } {
  const problems: string[] = [];
  const options: SwitchOptions = {};
  if (req.cache !== undefined) {
    if ((CACHE_STORES as readonly string[]).includes(req.cache)) options.cache = req.cache as CacheStore;
    else problems.push(`invalid --cache "${req.cache}": expected one of ${CACHE_STORES.join(', ')}`);
  }
  if (req.cacheTtlS !== undefined) {
    if (!options.cache || options.cache === 'none') problems.push('--cache-ttl applies to --cache memory or --cache redis');
    else options.cacheTtlS = req.cacheTtlS;
  }
  if (req.throttle !== undefined) {
    const t = parseThrottle(req.throttle);
    if (t) options.throttle = t;
    else problems.push(`invalid --throttle "${req.throttle}": expected N/S, e.g. 60/1 (60 requests per subject per second)`);
  }
  if (req.plantLeak) options.plantLeak = true;
  const used = [options.cache && options.cache !== 'none' ? '--cache' : '', options.throttle ? '--throttle' : '', options.plantLeak ? '--plant-leak' : ''].filter(Boolean);
  if (used.length) {
    const without = targets.filter((t) => !hasSwitches(t)).map((t) => t.name);
    if (without.length) problems.push(`${used.join(', ')} apply to our monolith-* and micro-* targets; not to ${without.join(', ')}`);
  }
  const perRequest = targets.filter((t) => hasSwitches(t) && t.axes.lifecycle !== 'persistent').map((t) => t.name);
  if (perRequest.length && options.plantLeak) {
    problems.push(`--plant-leak plants state in a container that lives across requests; ${perRequest.join(', ')} build a fresh one per request, so nothing could leak (use persistent targets)`);
  }
  if (perRequest.length && options.cache === 'memory') {
    problems.push(`--cache memory lives in the container, rebuilt per request on ${perRequest.join(', ')}: every lookup would miss; use --cache redis there`);
  }
  return { options, problems };
}

/** Whether the chosen switches need Redis on any of these targets (a shared cache or a shared count). */
export function needsRedis(options: SwitchOptions, targets: readonly TargetSpec[]): boolean {
  if (options.cache === 'redis') return true;
  // The rate limit counts in Redis wherever more than one process serves the edge.
  return options.throttle !== undefined && targets.some((t) => hasSwitches(t) && (t.axes.workers > 1 || t.axes.lifecycle !== 'persistent'));
}

/** null when Redis answers, else the usage problem naming the URL and the flag. */
export async function redisProblem(options: TargetOptions): Promise<string | null> {
  const url = resolveBrokerUrl('redis', options.brokerUrls);
  const why = await probeBroker('redis', url);
  return why === null ? null : `${options.cache === 'redis' ? '--cache redis' : '--throttle on a multi-process target'} needs Redis: ${unreachableMessage('redis', url, why)}`;
}

export function assertNoProblems(problems: readonly string[]): void {
  if (problems.length) throw new UsageError(problems.length === 1 ? problems[0]! : `${problems.length} problems:\n  ${problems.join('\n  ')}`);
}

/**
 * Every playbook switch (these and the edge switches) for targets started without a plan
 * (`bench serve`): the TargetOptions, or a UsageError naming every problem. `base` gives the
 * broker URLs the Redis probe uses.
 */
export async function playbookTargetOptions(req: SwitchRequest & EdgeRequest, targets: readonly TargetSpec[], base: TargetOptions): Promise<SwitchOptions & Pick<TargetOptions, 'edge'>> {
  const switches = switchTargetOptions(req, targets);
  assertNoProblems(switches.problems);
  const why = needsRedis(switches.options, targets) ? await redisProblem({ ...base, ...switches.options }) : null;
  if (why) throw new UsageError(why);
  return { ...switches.options, ...edgeTargetOptions(req, targets) };
}

// The registry of named targets: every point of the architecture matrix we ship.
import { bareNodeHttp } from './baseline/spec.js';
import { calibrationTarget, calibrationStallTarget } from './calibration/spec.js';
import { brokerMicro } from './micro/broker-spec.js';
import { micro } from './micro/spec.js';
import { usersGrpcService } from './micro/service-spec.js';
import { monolith } from './monolith/spec.js';
import type { Axes, TargetSpec } from './target.js';
import { UsageError } from '../common/errors.js';
import { EDGE_AXES } from './edge/switches.js';

// monolith-<framework>[-boot|-process][-w<N>]: the lifecycle and worker axes of the monolith.
const monolithLifecycles: readonly TargetSpec[] = [
  monolith('fastify', { lifecycle: 'boot' }),
  monolith('express', { lifecycle: 'boot' }),
  monolith('fastify', { lifecycle: 'process' }),
  monolith('express', { lifecycle: 'process' }),
  monolith('fastify', { workers: 2 }),
  monolith('express', { workers: 2 }),
  monolith('fastify', { workers: 4 }),
  monolith('express', { workers: 4 }),
];

// micro-<transport>-<framework>: gateway framework x service-to-service transport.
const microTargets: readonly TargetSpec[] = [micro('rest', 'fastify'), micro('rest', 'express'), micro('grpc', 'fastify'), micro('grpc', 'express')];

// micro-<broker>-<framework>: services talk through a broker; skipped when it is unreachable.
const brokerTargets: readonly TargetSpec[] = (['nats', 'amqp', 'redis'] as const).flatMap((b) => [brokerMicro(b, 'fastify'), brokerMicro(b, 'express')]);

// Edge switch variants (issue 17 items 4-6): the sets their comparison scenarios run in one go;
// --middleware, --tick, --tick-in and --graphql-loader set the same switches on any target.
const TICK_100MS_5MS = { periodMs: 100, cpuMs: 5 };
const edgeVariants: readonly TargetSpec[] = [
  monolith('fastify', { edge: { middleware: 'web' } }),
  monolith('express', { edge: { middleware: 'web' } }),
  monolith('fastify', { edge: { tick: TICK_100MS_5MS, tickIn: 'worker' } }),
  monolith('fastify', { edge: { tick: TICK_100MS_5MS, tickIn: 'process' } }),
  monolith('fastify', { edge: { graphqlLoader: 'on' } }),
  monolith('fastify', { edge: { graphqlLoader: 'off' } }),
  monolith('express', { edge: { graphqlLoader: 'on' } }),
  monolith('express', { edge: { graphqlLoader: 'off' } }),
];

export const targets: readonly TargetSpec[] = [monolith('fastify'), monolith('express'), ...monolithLifecycles, ...microTargets, ...brokerTargets, ...edgeVariants, bareNodeHttp, calibrationTarget(), calibrationStallTarget(), usersGrpcService()];

export function findTarget(name: string): TargetSpec | undefined {
  return targets.find((t) => t.name === name);
}

export class TargetSelectionError extends UsageError {
  constructor(message: string) {
    super(message, 'ERR_TARGET_SELECTION');
  }
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/**
 * Select targets by names or globs ("micro-*") and axis filters ("transport=grpc").
 * Unknown names are an error that lists the valid ones. `axesOf` gives the axes a run will
 * really have (the plan passes the options that change them, e.g. --storage postgres).
 */
export function selectTargets(patterns: string[], where: string[] = [], flag = '--targets', axesOf: (t: TargetSpec) => Axes = (t) => t.axes): TargetSpec[] {
  const valid = () => targets.map((t) => t.name).join(', ');
  let chosen: TargetSpec[] = [];
  for (const p of patterns) {
    const re = globToRegExp(p);
    const hits = targets.filter((t) => re.test(t.name));
    if (hits.length === 0) throw new TargetSelectionError(`unknown ${flag === '--targets' ? 'target' : flag} "${p}"; valid targets: ${valid()}`);
    for (const h of hits) if (!chosen.includes(h)) chosen.push(h);
  }
  for (const cond of where) {
    const m = /^(\w+)=(.+)$/.exec(cond);
    const axisNames = ['topology', 'framework', 'lifecycle', 'workers', 'storage', 'transport', 'replicas', /* issue 17 switches */ 'cache', 'throttle', 'leak', ...EDGE_AXES];
    if (!m || !axisNames.includes(m[1]!)) {
      throw new TargetSelectionError(`invalid --where "${cond}": expected AXIS=VALUE with AXIS one of ${axisNames.join(', ')}`);
    }
    const [, axis, value] = m;
    const values = value!.split('|');
    chosen = chosen.filter((t) => values.includes(String(axesOf(t)[axis as keyof Axes] ?? '')));
  }
  if (chosen.length === 0) throw new TargetSelectionError(`no target matches ${[...patterns, ...where].join(' ')}; valid targets: ${valid()}`);
  return chosen;
}

// The edge switches of issue 17 (lean/web middleware, background ticks, the GraphQL edge):
// what a target carries in its axes and what the command line may override. Each is wiring
// around the same domain; the rules stay in targets/domain.
import { parseDurationMs } from '../../common/duration.js';

/** The axes these switches add, for --where. */
export const EDGE_AXES = ['middleware', 'tick', 'tickIn', 'tickService', 'graphqlLoader'] as const;

/** Which process runs a micro target's tick: billing (its work is aggregating billing totals). */
export const MICRO_TICK_SERVICE = 'billing';

export const MIDDLEWARES = ['lean', 'web'] as const;
export type Middleware = (typeof MIDDLEWARES)[number];

export const TICK_PLACEMENTS = ['worker', 'process'] as const;
/** Where a background tick runs: inside the serving worker (Octane::tick) or in its own process. */
export type TickPlacement = (typeof TICK_PLACEMENTS)[number];

export const SWITCH_VALUES = ['on', 'off'] as const;
export type OnOff = (typeof SWITCH_VALUES)[number];

/** `--tick PERIOD:CPU`: every periodMs, cpuMs of CPU work. */
export interface TickSpec {
  periodMs: number;
  cpuMs: number;
}

export interface EdgeSwitches {
  middleware?: Middleware;
  tick?: TickSpec;
  tickIn?: TickPlacement;
  /** Present: the target serves POST /graphql, batching user reads through a loader or not. */
  graphqlLoader?: OnOff;
}

/** "100ms:5ms" -> {periodMs: 100, cpuMs: 5}; throws RangeError with the reason. */
export function parseTick(text: string): TickSpec {
  const m = /^([^:]+):([^:]+)$/.exec(text.trim());
  if (!m) throw new RangeError(`invalid tick "${text}": expected PERIOD:CPU, e.g. 100ms:5ms`);
  const periodMs = parseDurationMs(m[1]!);
  const cpuMs = parseDurationMs(m[2]!);
  if (periodMs < 1 || periodMs > 60_000) throw new RangeError(`invalid tick "${text}": the period must be 1ms..60s`);
  if (cpuMs <= 0 || cpuMs >= periodMs) throw new RangeError(`invalid tick "${text}": the CPU time must be > 0 and shorter than the period`);
  return { periodMs, cpuMs };
}

/** The axis value of a tick: "100ms:5ms", stable for --where and results. */
export function tickLabel(t: TickSpec): string {
  return `${t.periodMs}ms:${t.cpuMs}ms`;
}

/** The catalog target's own switches, overridden by the command line's. */
export function mergeSwitches(own: EdgeSwitches, cli: EdgeSwitches | undefined): EdgeSwitches {
  return { ...own, ...cli, ...(cli?.tick && !cli.tickIn && !own.tickIn ? { tickIn: 'worker' as const } : {}) };
}

/** The axes a target with these switches has; `axes` says which switches the target can carry at all. */
export function withEdgeAxes<A extends { topology: string; middleware?: Middleware; tick?: string; tickIn?: TickPlacement; tickService?: string; graphqlLoader?: OnOff }>(axes: A, sw: EdgeSwitches | undefined): A {
  if (!sw) return axes;
  const out: A = { ...axes };
  if (sw.middleware && axes.middleware) out.middleware = sw.middleware;
  if (sw.tick) out.tick = tickLabel(sw.tick);
  if (out.tick !== undefined && out.tick !== 'off') {
    out.tickIn = sw.tickIn ?? axes.tickIn ?? 'worker';
    if (axes.topology === 'micro') out.tickService = MICRO_TICK_SERVICE;
  }
  if (sw.graphqlLoader) out.graphqlLoader = sw.graphqlLoader;
  return out;
}

interface SwitchTarget {
  name: string;
  axes: { topology: string; lifecycle: string; middleware?: Middleware; tick?: string };
}

/** Why these switches do not apply to this target (empty: they do). Flags name themselves. */
export function edgeSwitchProblems(t: SwitchTarget, sw: EdgeSwitches): string[] {
  const problems: string[] = [];
  if (sw.middleware && t.axes.middleware === undefined) problems.push(`--middleware applies to our monolith and micro targets (their HTTP edge); ${t.name} has no edge of ours`);
  // Our persistent targets: monoliths, and micro topologies (the gateway serves GraphQL, billing runs the tick).
  const ours = t.axes.topology === 'monolith' || t.axes.topology === 'micro';
  const persistent = ours && t.axes.lifecycle === 'persistent' && t.axes.tick !== undefined;
  const why = ours && t.axes.lifecycle !== 'persistent' ? `${t.name} has the ${t.axes.lifecycle} lifecycle: nothing lives between requests to run it` : `${t.name} is not one of our monolith or micro targets (no edge of ours)`;
  if ((sw.tick || sw.tickIn) && !persistent) problems.push(`--tick/--tick-in apply to persistent monolith and micro targets; ${why}`);
  else if (sw.tickIn && !sw.tick && (t.axes.tick === undefined || t.axes.tick === 'off')) problems.push(`--tick-in needs --tick PERIOD:CPU (or a *-tick target); ${t.name} has no tick`);
  if (sw.graphqlLoader && !persistent) problems.push(`--graphql-loader applies to persistent monolith and micro targets (it serves POST /graphql); ${why}`);
  return problems;
}

// The calibration target: a server with a known latency distribution, used to test the
// measurement itself. It serves no part of the public API (reference: not put through conformance).
import { childEntry, spawnService, spawnOptionsFrom } from '../lifecycle/spawn.js';
import { singleProcessTarget } from '../monolith/running-target.js';
import type { RunningTarget, StartContext, TargetSpec } from '../target.js';
import { DEFAULT_LATENCY, parseLatency, type CalibrationSpec } from './latency-spec.js';

export function calibrationTarget(spec: CalibrationSpec = { latency: parseLatency(DEFAULT_LATENCY) }, name = 'calibration'): TargetSpec {
  const shape = spec.latency.map((c) => `${c.pct}%:${c.ms}ms`).join(',');
  const stall = spec.stall ? `, stall ${spec.stall.durationMs} ms at ${spec.stall.atMs} ms` : '';
  return {
    name,
    reference: true,
    axes: { topology: 'calibration', framework: 'node-http', lifecycle: 'persistent', workers: 1, storage: 'none' },
    description: `reference: answers every request after a known delay (${shape}${stall}); tests the measurement, not an architecture`,
    async start(ctx: StartContext): Promise<RunningTarget> {
      const proc = await spawnService({
        name,
        entry: childEntry(import.meta.url, './main.js'),
        config: { host: ctx.host, spec },
        ...spawnOptionsFrom(ctx),
      });
      return singleProcessTarget(proc);
    },
  };
}

/** The default mixture, frozen for 1 s at second 3 (the calibration-stall scenario's target). */
export function calibrationStallTarget(): TargetSpec {
  return calibrationTarget({ latency: parseLatency(DEFAULT_LATENCY), stall: { durationMs: 1000, atMs: 3000 } }, 'calibration-stall');
}

// The axes a run really had: the target's own, overridden by the command-line options that
// change them (--storage, --replicas, --workers), so results never claim the default a flag
// replaced, and --where selects by what will run.
import { withEdgeAxes } from '../targets/edge/switches.js';
import type { Axes, TargetOptions } from '../targets/target.js';
import { throttleLabel } from '../targets/switches.js';

export function effectiveAxes(axes: Axes, options: TargetOptions): Axes {
  const out: Axes = { ...axes };
  // A target without storage (a bare reference server) stays 'none' whatever the flag says.
  if (options.storage && axes.storage !== 'none') out.storage = options.storage;
  if (options.replicas !== undefined && axes.replicas !== undefined) out.replicas = options.replicas;
  if (options.workers !== undefined && takesWorkers(axes)) out.workers = options.workers;
  // The playbook switches, on the targets that have them (issue 17).
  if (axes.cache !== undefined) {
    if (options.cache) out.cache = options.cache;
    if (options.throttle) out.throttle = throttleLabel(options.throttle);
    if (options.plantLeak) out.leak = 'planted';
  }
  return withEdgeAxes(out, options.edge);
}

/** --workers applies to persistent monoliths: node:cluster workers of the one process. */
export function takesWorkers(axes: Axes): boolean {
  return axes.topology === 'monolith' && axes.lifecycle === 'persistent';
}

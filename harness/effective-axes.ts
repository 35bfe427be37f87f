// The axes a run really had: the target's own, overridden by the command-line options that
// change them (--storage, --replicas), so results never claim the default a flag replaced.
import { withEdgeAxes } from '../targets/edge/switches.js';
import type { Axes, TargetOptions } from '../targets/target.js';

export function effectiveAxes(axes: Axes, options: TargetOptions): Axes {
  const out: Axes = { ...axes };
  // A target without storage (a bare reference server) stays 'none' whatever the flag says.
  if (options.storage && axes.storage !== 'none') out.storage = options.storage;
  if (options.replicas !== undefined && axes.replicas !== undefined) out.replicas = options.replicas;
  return withEdgeAxes(out, options.edge);
}

// --middleware, --tick, --tick-in, --graphql-loader (issue 17 items 4-6) turned into the
// TargetOptions our targets read, with every target they do not apply to named (exit 2).
import { UsageError } from '../common/errors.js';
import { edgeSwitchProblems, parseTick, type EdgeSwitches, type Middleware, type OnOff, type TickPlacement } from '../targets/edge/switches.js';
import type { TargetOptions, TargetSpec } from '../targets/target.js';

export interface EdgeRequest {
  middleware?: Middleware;
  /** PERIOD:CPU, e.g. 100ms:5ms */
  tick?: string;
  tickIn?: TickPlacement;
  graphqlLoader?: OnOff;
}

export function edgeTargetOptions(req: EdgeRequest, targets: readonly TargetSpec[]): Pick<TargetOptions, 'edge'> {
  let tick: EdgeSwitches['tick'];
  if (req.tick !== undefined) {
    try {
      tick = parseTick(req.tick);
    } catch (err) {
      throw new UsageError(`--tick: ${(err as Error).message}`);
    }
  }
  const edge: EdgeSwitches = {
    ...(req.middleware ? { middleware: req.middleware } : {}),
    ...(tick ? { tick } : {}),
    ...(req.tickIn ? { tickIn: req.tickIn } : {}),
    ...(req.graphqlLoader ? { graphqlLoader: req.graphqlLoader } : {}),
  };
  if (Object.keys(edge).length === 0) return {};
  const problems = [...new Set(targets.flatMap((t) => edgeSwitchProblems(t, edge)))];
  if (problems.length) throw new UsageError(problems.join('\n  '));
  return { edge };
}

// --middleware, --tick, --tick-in, --graphql-loader: the edge switches of issue 17 (items 4-6).
import type { Command } from 'commander';
import { UsageError } from '../common/errors.js';
import type { EdgeRequest } from '../harness/edge-options.js';
import { MIDDLEWARES, SWITCH_VALUES, TICK_PLACEMENTS } from '../targets/edge/switches.js';

export type EdgeFlags = EdgeRequest;

function choice<T extends string>(flag: string, values: readonly T[]) {
  return (raw: string): T => {
    const hit = values.find((v) => v === raw);
    if (!hit) throw new UsageError(`invalid ${flag} "${raw}": expected one of ${values.join(', ')}`);
    return hit;
  };
}

export function addEdgeOptions(cmd: Command): Command {
  return cmd
    .option('--middleware <stack>', 'HTTP edge middleware of our targets: lean (the API alone) or web (cookie session, CSRF, access log)', choice('--middleware', MIDDLEWARES))
    .option('--tick <period:cpu>', 'persistent monolith and micro targets (micro: in billing): a background task of CPU ms every PERIOD, e.g. 100ms:5ms (Octane::tick)')
    .option('--tick-in <where>', 'where the tick runs: worker (inside the serving process) or process (a separate one)', choice('--tick-in', TICK_PLACEMENTS))
    .option('--graphql-loader <on|off>', 'persistent monolith and micro targets (micro: at the gateway): serve POST /graphql, batching user reads with a loader (on) or not (off)', choice('--graphql-loader', SWITCH_VALUES));
}

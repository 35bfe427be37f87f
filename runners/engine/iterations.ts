// How many requests the VUs of one share may still send: unlimited for duration-based
// executors, a count per VU for per-vu-iterations, one shared counter for shared-iterations.
// Generator threads split the total exactly (shareOf), so N threads send what one would.
import type { ExecutorConfig } from '../../scenarios/executor.js';
import { iterationSettings } from '../../scenarios/executors/iterations.js';
import { shareOf } from './schedule.js';

export interface IterationBudget {
  /** Takes one iteration for `vu` (local to the share); false when none is left for it. */
  take(vu: number): boolean;
  /** Every iteration taken: the loop may end before its duration. */
  spent(): boolean;
}

const UNLIMITED: IterationBudget = { take: () => true, spent: () => false };

export function iterationBudget(e: ExecutorConfig, share: { index: number; count: number }): IterationBudget {
  if (e.type === 'shared-iterations') {
    const { vus, iterations } = iterationSettings(e);
    // Only threads with a VU take iterations (1 VU over 2 threads: the second has none).
    const withVus = Math.min(vus, share.count);
    let left = share.index < withVus ? shareOf(iterations, share.index, withVus) : 0;
    return {
      take: () => (left > 0 ? (left--, true) : false),
      spent: () => left === 0,
    };
  }
  if (e.type === 'per-vu-iterations') {
    const { iterations } = iterationSettings(e);
    const vus = shareOf(iterationSettings(e).vus, share.index, share.count);
    const done = new Array<number>(vus).fill(0);
    let left = vus * iterations;
    return {
      take: (vu) => {
        if ((done[vu] ?? iterations) >= iterations) return false;
        done[vu]!++;
        left--;
        return true;
      },
      spent: () => left === 0,
    };
  }
  return UNLIMITED;
}

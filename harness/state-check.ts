// Where the request-state check runs (`bench verify --state`, and always in `bench run`'s
// verify phase): on persistent targets, the only ones where state can outlive a request.
import type { TargetSpec } from '../targets/target.js';

export function stateCheckApplies(spec: TargetSpec): boolean {
  return spec.axes.lifecycle === 'persistent';
}

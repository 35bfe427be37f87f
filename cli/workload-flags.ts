// Parsers of the workload flags (--rate, --warmup-load): a bad value names the option and its
// accepted range. Applying them to the scenario is the plan's work (harness/plan.ts).
import { DEFAULTS } from '../harness/plan.js';
import { WARMUP_LOADS, type WarmupLoad } from '../scenarios/executor.js';
import { UsageError } from '../common/errors.js';

export function warmupLoadOption(raw: string): WarmupLoad {
  const load = WARMUP_LOADS.find((l) => l === raw);
  if (!load) throw new UsageError(`invalid --warmup-load "${raw}": expected one of ${WARMUP_LOADS.join(', ')}`);
  return load;
}

export const WARMUP_LOAD_HELP = "warm-up load: scenario (the scenario's own) or max (closed model, as fast as its VUs go: JIT-hot in fewer seconds; not for queue-backed targets, it leaves a backlog)";

export const RATE_HELP = `open model: arrivals per second, 0.1..${DEFAULTS.maxRate} (a constant-vus scenario becomes constant-arrival-rate)`;

export function rateOption(raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0.1 || n > DEFAULTS.maxRate) {
    throw new UsageError(`invalid --rate "${raw}": expected arrivals per second from 0.1 to ${DEFAULTS.maxRate}`);
  }
  return n;
}

// The workload flags of `bench run` (--rate, --runner, --generator-threads): applied to the
// scenario's executor and checked before anything starts, every problem reported at once.
import { probeUrl } from '../runners/protocols.js';
import { pickRunner } from '../runners/registry.js';
import { validateExecutor } from '../scenarios/executors/registry.js';
import type { Scenario } from '../scenarios/define.js';
import { WARMUP_LOADS, type ExecutorConfig, type WarmupLoad } from '../scenarios/executor.js';
import { UsageError } from '../common/errors.js';

export const MAX_RATE_FLAG = 1_000_000;

/**
 * --rate R: arrivals per second. On an open scenario it replaces the rate; on a closed
 * constant-vus scenario it switches to constant-arrival-rate with the VUs as the in-flight cap.
 */
export function applyRate(e: ExecutorConfig, rate: number | undefined): ExecutorConfig {
  if (rate === undefined) return e;
  switch (e.type) {
    case 'constant-arrival-rate':
      return { ...e, rate, timeUnit: '1s' };
    case 'constant-vus':
      return { type: 'constant-arrival-rate', rate, timeUnit: '1s', duration: e.duration, preAllocatedVUs: e.vus, maxVUs: e.vus };
    default:
      throw new UsageError(`--rate applies to constant executors; this scenario uses ${e.type} (set its stages instead)`);
  }
}

export function warmupLoadOption(raw: string): WarmupLoad {
  const load = WARMUP_LOADS.find((l) => l === raw);
  if (!load) throw new UsageError(`invalid --warmup-load "${raw}": expected one of ${WARMUP_LOADS.join(', ')}`);
  return load;
}

export const WARMUP_LOAD_HELP = "warm-up load: scenario (the scenario's own) or max (closed model, as fast as its VUs go: JIT-hot in fewer seconds; not for queue-backed targets, it leaves a backlog)";

/** Usage error listing every problem of the executor (scenario files are user input). */
export function checkExecutor(e: ExecutorConfig, scenario: string): void {
  const problems = validateExecutor(e);
  if (problems.length) throw new UsageError(`scenario "${scenario}": invalid executor:\n  ${problems.join('\n  ')}`);
}

/** The runner that will execute `e`, or a usage error naming the valid ones and why they cannot. */
export function checkRunner(e: ExecutorConfig, runner: string | undefined, threads: number | undefined, scenario: Scenario): void {
  try {
    const r = pickRunner(e, probeUrl(scenario), runner);
    if (threads !== undefined && threads > 1 && r.name !== 'open' && r.name !== 'grpc') {
      throw new Error(`--generator-threads applies to the open runner; ${r.name} runs this executor (add --runner open)`);
    }
  } catch (err) {
    throw new UsageError(err instanceof Error ? `--runner: ${err.message}` : String(err));
  }
}

export function rateOption(raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0.1 || n > MAX_RATE_FLAG) {
    throw new UsageError(`invalid --rate "${raw}": expected arrivals per second from 0.1 to ${MAX_RATE_FLAG}`);
  }
  return n;
}

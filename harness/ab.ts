// bench ab: two builds of the user's service, base and head, measured interleaved in one job
// (base head base head ...), so machine drift hits both alike; then the regression gate
// between the two sides of that one run. Returns data; prints nothing.
import { compareResults, type CompareOptions, type Comparison } from '../reports/compare/compare.js';
import { splitByTarget } from '../reports/compare/split.js';
import type { Results } from '../record/results.js';
import type { Scenario } from '../scenarios/define.js';
import type { ExecutorConfig } from '../scenarios/executor.js';
import { commandTarget, type CommandSettings, type ServeCommand } from '../targets/lifecycle/command-target.js';
import { runBenchmark } from './benchmark.js';
import type { BenchmarkEvents } from './events.js';

/** Target names of the two sides in the run folder; the comparison pairs them under one name. */
export const AB_BASE = 'base';
export const AB_HEAD = 'head';
export const AB_COMPARED_AS = 'service';

export interface AbPlan {
  scenario: Scenario;
  executor: ExecutorConfig;
  warmupMs: number;
  trials: number;
  /** Names are set here: the user gives only commands (and working directories). */
  base: Omit<ServeCommand, 'name'>;
  head: Omit<ServeCommand, 'name'>;
  settings: CommandSettings;
  readyTimeoutMs: number;
  requestTimeoutMs: number;
  compare: CompareOptions;
  command: string[];
  recordedOptions: Record<string, unknown>;
  placement: string;
}

export interface AbOutcome {
  results: Results;
  /** null when a run failed or was interrupted: there is nothing sound to gate on. */
  comparison: Comparison | null;
}

export async function runAb(plan: AbPlan, events: BenchmarkEvents, signal: AbortSignal): Promise<AbOutcome> {
  const results = await runBenchmark(
    {
      scenario: plan.scenario,
      targets: [commandTarget({ ...plan.base, name: AB_BASE }, plan.settings), commandTarget({ ...plan.head, name: AB_HEAD }, plan.settings)],
      executor: plan.executor,
      warmupMs: plan.warmupMs,
      trials: plan.trials,
      verify: 'never',
      allowRemote: false,
      host: '127.0.0.1',
      targetOptions: {},
      readyTimeoutMs: plan.readyTimeoutMs,
      requestTimeoutMs: plan.requestTimeoutMs,
      baseline: AB_BASE,
      command: plan.command,
      recordedOptions: plan.recordedOptions,
      placement: plan.placement,
    },
    events,
    signal,
  );
  if (results.status !== 'ok' || results.skipped.length) return { results, comparison: null };
  const sides = splitByTarget(results, AB_BASE, AB_HEAD, AB_COMPARED_AS);
  const comparison = compareResults(sides.base, sides.head, plan.compare, { base: AB_BASE, head: AB_HEAD });
  return { results, comparison };
}

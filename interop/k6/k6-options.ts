// A scenario's workload and thresholds in k6's own options (options.scenarios, options.thresholds).
// Every feature k6 cannot express faithfully is refused by name (UsageError), never dropped.
import type { Scenario } from '../../scenarios/define.js';
import { scenarioProtocol } from '../../scenarios/define.js';
import { parseDurationMs, type Duration } from '../../common/duration.js';
import { warmupExecutor, type ExecutorConfig } from '../../scenarios/executor.js';
import { parseThresholds, type ParsedThreshold } from '../../analysis/thresholds.js';
import { UsageError } from '../../common/errors.js';
import { iterationSettings } from '../../scenarios/executors/iterations.js';

/** The k6 scenario that is measured; the import keeps only its points when a warm-up ran before it. */
export const MEASURED_SCENARIO = 'measure';
/** k6 scenario of the warm-up: the import skips points tagged with it. */
export const WARMUP_SCENARIO = 'warmup';
/** The function every k6 scenario executes (one request per iteration). */
export const ITERATION_FUNCTION = 'iteration';

export type K6Value = string | number | boolean | null | K6Value[] | { [key: string]: K6Value };
export type K6Scenario = Record<string, K6Value>;

export interface K6Options {
  scenarios: Record<string, K6Scenario>;
  thresholds: Record<string, string[]>;
  summaryTrendStats: string[];
  setupTimeout: string;
}

// The keys each archbench executor has; any other key is an option k6 would not get.
const EXECUTOR_KEYS: Record<ExecutorConfig['type'], readonly string[]> = {
  'constant-vus': ['type', 'vus', 'duration'],
  'ramping-vus': ['type', 'startVUs', 'stages'],
  'constant-arrival-rate': ['type', 'rate', 'timeUnit', 'duration', 'preAllocatedVUs', 'maxVUs'],
  'ramping-arrival-rate': ['type', 'startRate', 'timeUnit', 'stages', 'preAllocatedVUs', 'maxVUs'],
  'shared-iterations': ['type', 'vus', 'iterations', 'maxDuration'],
  'per-vu-iterations': ['type', 'vus', 'iterations', 'maxDuration'],
};

/** k6 takes Go durations; archbench also takes seconds as numbers: write both as k6 reads them. */
export function k6Duration(d: Duration): string {
  const ms = parseDurationMs(d);
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

const stagesOf = (stages: ReadonlyArray<{ duration: Duration; target: number }>): K6Value[] =>
  stages.map((s) => ({ duration: k6Duration(s.duration), target: s.target }));

/** One executor in k6's words, archbench's defaults written out where k6's differ (startVUs: k6 1, archbench 0). */
export function k6Executor(e: ExecutorConfig): K6Scenario {
  const known = EXECUTOR_KEYS[e.type];
  if (!known) throw new UsageError(`executor "${String((e as { type?: unknown }).type)}" has no k6 equivalent`, 'ERR_SCENARIO');
  const extra = Object.keys(e).filter((k) => !known.includes(k));
  if (extra.length) throw new UsageError(`executor option ${extra.map((k) => `"${k}"`).join(', ')} of ${e.type} has no k6 equivalent; remove it to export`, 'ERR_SCENARIO');
  switch (e.type) {
    case 'constant-vus':
      return { executor: e.type, vus: e.vus, duration: k6Duration(e.duration) };
    case 'ramping-vus':
      return { executor: e.type, startVUs: e.startVUs ?? 0, stages: stagesOf(e.stages) };
    case 'constant-arrival-rate':
      return {
        executor: e.type,
        rate: e.rate,
        timeUnit: k6Duration(e.timeUnit ?? '1s'),
        duration: k6Duration(e.duration),
        preAllocatedVUs: e.preAllocatedVUs,
        maxVUs: e.maxVUs ?? e.preAllocatedVUs,
      };
    case 'ramping-arrival-rate':
      return {
        executor: e.type,
        startRate: e.startRate ?? 0,
        timeUnit: k6Duration(e.timeUnit ?? '1s'),
        stages: stagesOf(e.stages),
        preAllocatedVUs: e.preAllocatedVUs,
        maxVUs: e.maxVUs ?? e.preAllocatedVUs,
      };
    // k6's own executors, one request per iteration as in every exported scenario.
    case 'shared-iterations':
    case 'per-vu-iterations': {
      const { vus, iterations, maxDuration } = iterationSettings(e);
      return { executor: e.type, vus, iterations, maxDuration: k6Duration(maxDuration) };
    }
  }
}

// k6 parses "metric{tag:value,tag:value}": a comma or brace in a request name would split it.
function tagSafe(name: string): string {
  if (/[,{}]/.test(name)) throw new UsageError(`request name "${name}" contains , { or }: k6 threshold tags cannot hold it; rename the request to export`, 'ERR_SCENARIO');
  return name;
}

function selector(metric: string, tags: Array<[string, string]>): string {
  return `${metric}{${tags.map(([k, v]) => `${k}:${v}`).join(',')}}`;
}

/** One archbench threshold as a k6 threshold key and expression, or a refusal that says why. */
function k6Threshold(t: ParsedThreshold): [string, string] {
  const scoped: Array<[string, string]> = [['scenario', MEASURED_SCENARIO]];
  const named: Array<[string, string]> = t.requestName !== null ? [['name', tagSafe(t.requestName)], ...scoped] : scoped;
  const refuse = (why: string) => new UsageError(`threshold "${t.metric}": "${t.expression}" cannot be exported to k6: ${why}`, 'ERR_THRESHOLD');
  switch (t.base) {
    case 'latency':
      // archbench's latency counts successful responses only; k6 marks those expected_response:true.
      return [selector('http_req_duration', [...named, ['expected_response', 'true']]), t.expression];
    case 'errors':
      if (t.aggregation !== 'rate') throw refuse("k6's http_req_failed is a rate metric: it has no count");
      return [selector('http_req_failed', named), t.expression];
    case 'requests':
      // k6's http_reqs rate divides by the whole test (setup and warm-up too), archbench's by the measured window.
      if (t.aggregation !== 'count') throw refuse("k6's http_reqs rate divides by the whole test, setup and warm-up included; use count");
      return [selector('http_reqs', named), t.expression];
    case 'dropped':
      return [selector('dropped_iterations', scoped), t.expression];
    case 'checks':
      if (t.aggregation !== 'rate') throw refuse("k6's checks is a rate metric: it has no count of fails");
      return [selector('checks', scoped), t.expression];
    default:
      throw refuse('k6 does not measure the target process (CPU, memory)');
  }
}

export function k6Thresholds(s: Scenario): Record<string, string[]> {
  const parsed = parseThresholds(s.thresholds, s.requests.map((r) => r.name));
  const out: Record<string, string[]> = {};
  for (const t of parsed) {
    const [key, expr] = k6Threshold(t);
    (out[key] ??= []).push(expr);
  }
  return out;
}

/** The options object of the exported script; refuses what k6 cannot run faithfully. */
export function k6Options(s: Scenario): K6Options {
  if (scenarioProtocol(s) !== 'http') {
    throw new UsageError(`scenario "${s.name}" makes gRPC calls (${s.requests.map((r) => r.name).join(', ')}); the k6 export writes HTTP scripts only (k6/net/grpc needs the .proto and another script shape)`, 'ERR_SCENARIO');
  }
  for (const r of s.requests) tagSafe(r.name);
  const warmupMs = parseDurationMs(s.warmup ?? 0);
  const measured: K6Scenario = { ...k6Executor(s.executor), exec: ITERATION_FUNCTION };
  const scenarios: Record<string, K6Scenario> = {};
  if (warmupMs > 0) {
    scenarios[WARMUP_SCENARIO] = { ...k6Executor(warmupExecutor(s.executor, warmupMs)), exec: ITERATION_FUNCTION };
    // gracefulStop 0s: warm-up iterations still running at its end are cut, so none overlaps the measured window.
    scenarios[WARMUP_SCENARIO].gracefulStop = '0s';
    measured.startTime = k6Duration(s.warmup ?? 0);
  }
  scenarios[MEASURED_SCENARIO] = measured;
  return {
    scenarios,
    thresholds: k6Thresholds(s),
    summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'p(99.9)'],
    // Seeding thousands of users with slow password hashes outlasts k6's 60 s default.
    setupTimeout: '10m',
  };
}

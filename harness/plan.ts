// One benchmark plan: every flag and scenario setting validated once, with all defaults in this
// file, before anything starts. Commands (run, profile, gate-check) pass what the user said;
// they get back a BenchmarkPlan or one UsageError listing every problem (k6's Validate()).
import { UsageError, isUsageError } from '../common/errors.js';
import { parseThresholds, type ParsedThreshold } from '../analysis/thresholds.js';
import { parseGrpcUrl } from '../runners/grpc/address.js';
import { probeUrl } from '../runners/protocols.js';
import { pickRunner } from '../runners/registry.js';
import type { Runner } from '../runners/runner.js';
import { scenarioProtocol, type Scenario } from '../scenarios/define.js';
import { parseDurationMs } from '../common/duration.js';
import type { ExecutorConfig, WarmupLoad } from '../scenarios/executor.js';
import { validateExecutor } from '../scenarios/executors/registry.js';
import { selectTargets, targets as catalog } from '../targets/catalog.js';
import { externalTarget } from '../targets/external.js';
import type { TargetOptions, TargetSpec } from '../targets/target.js';
import { placeProcesses } from './placement.js';
import { rejectOrphanCommandFlags, serveTargets, type ServeRequest } from './own-service.js';
import { brokerTargetOptions, storageTargetOptions, type BrokerRequest, type StorageRequest } from './target-options.js';
import { edgeTargetOptions, type EdgeRequest } from './edge-options.js';
import { watchedPidTarget } from '../targets/lifecycle/watched-pid.js';
import { checkReachable } from './url-check.js';
import { needsRedis, redisProblem, switchTargetOptions, type SwitchRequest } from './switch-options.js';
import { effectiveAxes, takesWorkers } from './effective-axes.js';

/** Every default of a benchmark, in one place. */
export const DEFAULTS = {
  targets: ['monolith-fastify', 'monolith-express'],
  host: '127.0.0.1',
  trials: 1,
  warmupLoad: 'scenario' as WarmupLoad,
  readyTimeoutS: 30,
  requestTimeoutS: 10,
  maxRate: 1_000_000,
} as const;

/** What a command asks for, in the user's units (seconds), before validation. */
export interface PlanRequest extends StorageRequest, BrokerRequest, ServeRequest, SwitchRequest, EdgeRequest {
  scenario: Scenario;
  /** Where the scenario came from (built-in name or file), so generator threads can load it. */
  scenarioSource?: string;
  /** Names or globs of our targets; absent: the scenario's defaults, else DEFAULTS.targets. */
  targets?: string[];
  where?: string[];
  /** The user's own running service instead of ours. */
  url?: string;
  /** With url: the process whose tree to measure. */
  pid?: number;
  /** The run folder: the user's commands log into <outDir>/serve. */
  outDir?: string;
  durationS?: number;
  connections?: number;
  rate?: number;
  warmupS?: number;
  warmupLoad?: WarmupLoad;
  trials?: number;
  runner?: string;
  generatorThreads?: number;
  pin?: boolean;
  host?: string;
  allowRemote?: boolean;
  /** true: verify every target, --url too; false: none; absent: our own targets only. */
  verify?: boolean;
  requestTimeoutS?: number;
  readyTimeoutS?: number;
  baseline?: string;
  injectCpuUs?: number;
  replicas?: number;
  /** node:cluster workers of every persistent monolith target. */
  workers?: number;
  /** Options a command adds for every target (a profiler's wrapper). */
  targetOptions?: TargetOptions;
  /** argv that reproduces the run. */
  command: string[];
  /** Recorded in results.env.options (the command's flags as given), with the scenario and executor. */
  recorded?: Record<string, unknown>;
}

/** What every trial of a benchmark shares. */
export interface TrialSettings {
  scenario: Scenario;
  scenarioSource?: string;
  executor: ExecutorConfig;
  /** The one runner that executes every trial (chosen here, once). */
  runner: Runner;
  warmupMs: number;
  warmupLoad: WarmupLoad;
  allowRemote: boolean;
  host: string;
  targetOptions: TargetOptions;
  readyTimeoutMs: number;
  requestTimeoutMs: number;
  threads?: number;
}

export interface BenchmarkPlan extends TrialSettings {
  targets: TargetSpec[];
  trials: number;
  /** Verify our own targets before load; external URLs only when asked. */
  verify: 'always' | 'own' | 'never';
  baseline: string;
  command: string[];
  /** Options recorded in results.env.options. */
  recordedOptions: Record<string, unknown>;
  /** What CPU placement was done, for results.env.placement. */
  placement: string;
  thresholds: ParsedThreshold[];
}

/** Collects every usage problem instead of stopping at the first. */
class Problems {
  readonly list: string[] = [];
  attempt<T>(work: () => T): T | undefined {
    try {
      return work();
    } catch (err) {
      if (!isUsageError(err)) throw err;
      this.list.push(err.message);
      return undefined;
    }
  }
  add(message: string): void {
    this.list.push(message);
  }
}

/** --duration and --connections applied to the scenario's executor. */
export function applyOverrides(e: ExecutorConfig, over: { durationS?: number; connections?: number }): ExecutorConfig {
  let out: ExecutorConfig = { ...e };
  if (over.durationS !== undefined) {
    if (out.type !== 'constant-vus' && out.type !== 'constant-arrival-rate') {
      throw new UsageError(`--duration applies to constant executors; this scenario uses ${out.type} (set its stages instead)`);
    }
    out = { ...out, duration: over.durationS };
  }
  if (over.connections !== undefined) {
    if (out.type !== 'constant-vus') throw new UsageError(`--connections applies to the closed constant-vus executor; this scenario uses ${out.type}`);
    out = { ...out, vus: over.connections };
  }
  return out;
}

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

const protocolOf = (t: TargetSpec) => t.protocol ?? 'http';

function chooseTargets(req: PlanRequest, options: TargetOptions): TargetSpec[] {
  // Your own commands, started and measured like ours (harness/own-service.ts).
  if (req.serve || req.commands) return serveTargets(req, req.outDir ?? '.');
  rejectOrphanCommandFlags(req, '--serve');
  if (req.pid !== undefined && !req.url) throw new UsageError('--pid needs --url: the URL to load and the process whose tree to measure');
  if (req.url) {
    if (req.targets) throw new UsageError('--url and --targets exclude each other: --url loads your service, --targets starts ours');
    if (req.url.startsWith('grpc:')) {
      // The flag is named here: parseGrpcUrl also serves scenario files and tests.
      try {
        parseGrpcUrl(req.url);
      } catch (err) {
        throw new UsageError(`--url: ${(err as Error).message}`, 'ERR_URL');
      }
    }
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new UsageError(`invalid --url "${req.url}": expected e.g. http://127.0.0.1:8000`, 'ERR_URL');
    }
    if (!['http:', 'https:', 'grpc:'].includes(url.protocol)) {
      throw new UsageError(`invalid --url "${req.url}": the scheme must be http://, https:// or grpc:// (got ${url.protocol})`, 'ERR_URL');
    }
    return [req.pid !== undefined ? watchedPidTarget(req.url, req.pid) : externalTarget(req.url)];
  }
  // --where judges the axes the run will have (--storage postgres makes every target postgres, --cache redis cache=redis).
  const switches = switchTargetOptions(req, []).options;
  return selectTargets(req.targets ?? req.scenario.defaults?.targets ?? [...DEFAULTS.targets], req.where ?? [], '--targets', (t) => effectiveAxes(t.axes, { ...options, ...switches }));
}

/** A scenario speaks one protocol and every selected target must speak it too. */
function checkProtocols(scenario: Scenario, targets: readonly TargetSpec[], verify: boolean | undefined): void {
  const wanted = scenarioProtocol(scenario);
  const wrong = targets.filter((t) => protocolOf(t) !== wanted);
  if (wrong.length) {
    const fit = catalog.filter((t) => protocolOf(t) === wanted && t.axes.topology !== 'calibration').map((t) => t.name);
    const what = wanted === 'grpc' ? 'gRPC calls' : 'HTTP requests';
    const urlHint = wanted === 'grpc' ? ' or --url grpc://HOST:PORT' : ' or --url http://HOST:PORT';
    throw new UsageError(
      `scenario "${scenario.name}" sends ${what}, but ${wrong.map((t) => `${t.name} serves ${protocolOf(t) === 'grpc' ? 'gRPC' : 'HTTP'}`).join(', ')}; ` +
        `targets that fit: ${fit.join(', ')}${urlHint}`,
    );
  }
  if (wanted === 'grpc' && verify === true) throw new UsageError('--verify runs the HTTP conformance suite; it does not apply to gRPC targets');
}

function chooseRunner(e: ExecutorConfig, req: PlanRequest): Runner {
  try {
    // Checks read response bodies, which only the engine's runners hand over (autocannon does not).
    const hasChecks = req.scenario.requests.some((q) => q.checks);
    if (hasChecks && req.runner === 'autocannon') throw new Error('autocannon cannot run checks (they read the response); use --runner open');
    const r = pickRunner(e, probeUrl(req.scenario), req.runner ?? (hasChecks ? 'open' : undefined));
    if (req.generatorThreads !== undefined && req.generatorThreads > 1 && r.name !== 'open' && r.name !== 'grpc') {
      throw new Error(`--generator-threads applies to the open runner; ${r.name} runs this executor (add --runner open)`);
    }
    return r;
  } catch (err) {
    throw new UsageError(err instanceof Error ? `--runner: ${err.message}` : String(err));
  }
}

/**
 * The plan, or a UsageError listing every problem found. Async because --url is resolved and
 * connected to here: a service that is absent or remote is a usage error before any trial.
 */
export async function buildPlan(req: PlanRequest): Promise<BenchmarkPlan> {
  const problems = new Problems();
  const { scenario } = req;
  const thresholds = problems.attempt(() => parseThresholds(scenario.thresholds, scenario.requests.map((r) => r.name)));
  const storage = problems.attempt(() => ({ ...storageTargetOptions(req), ...brokerTargetOptions(req) }));
  const axisOptions: TargetOptions = { ...storage, ...(req.replicas ? { replicas: req.replicas } : {}), ...(req.workers ? { workers: req.workers } : {}) };
  const targets = problems.attempt(() => chooseTargets(req, axisOptions));
  if (targets) problems.attempt(() => checkProtocols(scenario, targets, req.verify));
  if (targets && req.replicas !== undefined && !targets.some((t) => t.axes.replicas !== undefined)) {
    problems.add(`--replicas applies to micro targets (e.g. --targets 'micro-*'); selected: ${targets.map((t) => t.name).join(', ')}`);
  }
  // Micro services scale by --replicas (instances behind the gateway); cluster workers inside
  // them would blur that axis, and boot/process lifecycles have no long-lived worker to fork.
  const noWorkers = req.workers !== undefined ? targets?.filter((t) => !takesWorkers(t.axes)) : undefined;
  if (noWorkers?.length) {
    problems.add(`--workers applies to persistent monolith targets (e.g. --where lifecycle=persistent); not to ${noWorkers.map((t) => t.name).join(', ')}`);
  }
  // Issue 17 switches: where they apply, and Redis when they need it.
  const switches = switchTargetOptions(req, targets ?? []);
  switches.problems.forEach((p) => problems.add(p));
  if (targets && storage && !switches.problems.length && needsRedis(switches.options, targets)) {
    const why = await redisProblem({ ...storage, ...switches.options });
    if (why) problems.add(why);
  }
  // Edge switches (issue 17 items 4-6): every selected target they do not apply to is named.
  const edge = targets ? problems.attempt(() => edgeTargetOptions(req, targets)) : undefined;
  const executor = problems.attempt(() => applyRate(applyOverrides(scenario.executor, req), req.rate));
  if (executor) {
    const invalid = validateExecutor(executor);
    if (invalid.length) problems.add(`scenario "${scenario.name}": invalid executor:\n  ${invalid.join('\n  ')}`);
  }
  const runner = executor ? problems.attempt(() => chooseRunner(executor, req)) : undefined;
  const warmupMs = problems.attempt(() => (req.warmupS !== undefined ? req.warmupS * 1000 : parseDurationMs(scenario.warmup ?? 0)));
  const scenarioBaseline = scenario.defaults?.baseline;
  const baseline = req.baseline ?? (targets?.some((t) => t.name === scenarioBaseline) ? scenarioBaseline! : targets?.[0]?.name);
  if (targets && baseline && !targets.some((t) => t.name === baseline)) {
    problems.add(`--baseline "${baseline}" is not among the selected targets: ${targets.map((t) => t.name).join(', ')}`);
  }
  const allowRemote = req.allowRemote === true;
  if (req.url && problems.list.length === 0) await checkReachable(req.url, allowRemote).catch((err: unknown) => problems.attempt(() => { throw err; }));
  if (problems.list.length || !targets || !executor || !runner || !storage || !thresholds || warmupMs === undefined || !baseline) {
    throw new UsageError(problems.list.length === 1 ? problems.list[0]! : `${problems.list.length} problems:\n  ${problems.list.join('\n  ')}`);
  }

  const placement = placeProcesses(req.pin === true);
  const warmupLoad = req.warmupLoad ?? DEFAULTS.warmupLoad;
  const targetOptions: TargetOptions = {
    ...storage,
    ...switches.options,
    ...edge,
    ...(req.injectCpuUs ? { injectCpuUs: req.injectCpuUs } : {}),
    ...axisOptions,
    ...(placement.targetCpus ? { cpus: placement.targetCpus } : {}),
    ...req.targetOptions,
  };
  return {
    scenario,
    ...(req.scenarioSource ? { scenarioSource: req.scenarioSource } : {}),
    targets,
    executor,
    runner,
    warmupMs,
    warmupLoad,
    trials: req.trials ?? DEFAULTS.trials,
    verify: req.verify === true ? 'always' : req.verify === false ? 'never' : 'own',
    allowRemote,
    host: req.host ?? DEFAULTS.host,
    targetOptions,
    ...(req.generatorThreads ? { threads: req.generatorThreads } : {}),
    readyTimeoutMs: (req.readyTimeoutS ?? DEFAULTS.readyTimeoutS) * 1000,
    requestTimeoutMs: (req.requestTimeoutS ?? DEFAULTS.requestTimeoutS) * 1000,
    baseline,
    command: req.command,
    recordedOptions: { ...req.recorded, scenario: scenario.name, executor },
    placement: placement.description,
    thresholds,
  };
}

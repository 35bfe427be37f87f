// One target, one trial: start -> verify -> seed -> warm-up (not recorded) -> measure -> stop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { encodeHistogram, summarizeMs } from '../reports/histogram.js';
import type { RequestStats, RunResult, RunStatus } from '../reports/results.js';
import type { Runner, Sample } from '../runners/runner.js';
import type { Scenario } from '../scenarios/define.js';
import { parseDurationMs } from '../scenarios/duration.js';
import { executorDurationMs, warmupExecutor, type ExecutorConfig, type WarmupLoad } from '../scenarios/executor.js';
import { runConformance } from '../targets/contracts/conformance.js';
import type { RunningTarget, TargetOptions, TargetSpec } from '../targets/target.js';
import { EMPTY_SEED, requestContext } from '../runners/context.js';
import { effectiveAxes } from './effective-axes.js';
import type { BenchmarkEvents, Phase } from './events.js';
import { GeneratorMeter, generatorHealth } from './generator.js';
import { assertLoopback } from '../common/loopback.js';
import { TreeSampler, type TreeUsage } from './proc.js';
import { seed, type SeedData } from './seed.js';
import { sampleBrokerCpu } from './broker-cpu.js';
import { openEventWindow } from './event-window.js';
import { TargetUnavailableError } from '../targets/target.js';

/** What every trial of a benchmark shares. */
export interface TrialSettings {
  scenario: Scenario;
  executor: ExecutorConfig;
  warmupMs: number;
  /** Default 'scenario'. */
  warmupLoad?: WarmupLoad;
  allowRemote: boolean;
  host: string;
  targetOptions: TargetOptions;
  readyTimeoutMs: number;
  requestTimeoutMs: number;
  threads?: number;
}

export interface TrialPlan extends TrialSettings {
  spec: TargetSpec;
  trial: number;
  runner: Runner;
  verify: boolean;
}

export class PhaseError extends Error {
  constructor(readonly phase: Phase, message: string) {
    super(`${phase}: ${message}`);
  }
}

const VERIFY_TIMEOUT_MS = 60_000;
const SEED_TIMEOUT_MS = 180_000;
const LOAD_GRACE_MS = 30_000;

async function withTimeout<T>(phase: Phase, ms: number, work: (signal: AbortSignal) => Promise<T>, outer: AbortSignal): Promise<T> {
  const signal = AbortSignal.any([outer, AbortSignal.timeout(ms)]);
  try {
    return await work(signal);
  } catch (err) {
    if (outer.aborted) throw outer.reason;
    if (signal.aborted) throw new PhaseError(phase, `timed out after ${ms} ms`);
    throw err;
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function runTrial(plan: TrialPlan, events: BenchmarkEvents, outer: AbortSignal): Promise<RunResult> {
  const { spec, trial, runner } = plan;
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const phase = (p: Phase) => events.emit('phase', { target: spec.name, trial, phase: p });
  const base = failedResult(plan, 'failed', '');
  // Aborted by Ctrl-C (outer) or by a target crash (crashed).
  const local = new AbortController();
  const signal = AbortSignal.any([outer, local.signal]);
  const dataDir = mkdtempSync(join(tmpdir(), `archbench-${spec.name}-`));
  let target: RunningTarget | undefined;
  let crash: string | undefined;
  let sample: Sample | undefined;
  let usage: TreeUsage | undefined;
  let cpuPct = 0;

  try {
    phase('start');
    target = await spec.start({ dataDir, host: plan.host, signal, readyTimeoutMs: plan.readyTimeoutMs, options: plan.targetOptions });
    const running = target;
    void running.exited.then((e) => {
      crash = `${e.process} exited unexpectedly (code ${e.code}, signal ${e.signal})`;
      const tail = running.stderrTail();
      if (tail.length) crash += `\n--- last stderr lines ---\n${tail.slice(-15).join('\n')}`;
      local.abort(new Error(crash));
    });
    await assertLoopback(target.url, plan.allowRemote);

    if (plan.verify) {
      phase('verify');
      const report = await withTimeout('verify', VERIFY_TIMEOUT_MS, (s) => runConformance(running.url, { signal: s, ...(running.jwtSecret ? { jwtSecret: running.jwtSecret } : {}) }), signal);
      if (!report.passed) {
        const failed = report.checks.filter((c) => !c.ok);
        throw new PhaseError('verify', `${spec.name} does not conform to the API contract (${failed.length} of ${report.checks.length} checks failed):\n  ${failed.slice(0, 10).map((c) => `${c.name}: ${c.detail ?? 'failed'}`).join('\n  ')}`);
      }
    }

    let data: SeedData = EMPTY_SEED;
    if (plan.scenario.seed) {
      phase('seed');
      const spec = plan.scenario.seed;
      data = await withTimeout('seed', SEED_TIMEOUT_MS, (s) => (runner.seed ? runner.seed(running.url, spec, runId, s, plan.allowRemote) : seed(running.url, spec, runId, s)), signal);
    }
    const context = requestContext(data, runId);
    const loadPlan = {
      url: running.url,
      scenario: plan.scenario,
      context,
      timeoutMs: plan.requestTimeoutMs,
      ...(plan.threads ? { threads: plan.threads } : {}),
      allowRemote: plan.allowRemote,
      // Generator threads rebuild the context from this.
      contextSource: { ...data, runId },
    };

    if (plan.warmupMs > 0) {
      phase('warmup');
      await withTimeout('warmup', plan.warmupMs + LOAD_GRACE_MS, (s) => runner.run({ ...loadPlan, executor: warmupExecutor(plan.executor, plan.warmupMs, plan.warmupLoad) }, s, {}), signal);
    }

    phase('measure');
    const sampler = new TreeSampler(() => running.pids());
    const meter = new GeneratorMeter();
    // Events published from here on count; the broker's CPU is kept apart from the target's.
    const eventWindow = await openEventWindow(running);
    const brokerCpu = sampleBrokerCpu(spec.axes.transport);
    sampler.start();
    meter.start();
    const loadMs = executorDurationMs(plan.executor, parseDurationMs);
    sample = await withTimeout('measure', loadMs + LOAD_GRACE_MS, (s) => runner.run({ ...loadPlan, executor: plan.executor }, s, {
      tick: (t) => events.emit('tick', { target: spec.name, trial, phase: 'measure', ...t }),
    }), signal);
    cpuPct = meter.cpuPct(sample.externalCpuMs);
    usage = sampler.stop();
    const broker = brokerCpu?.stop(sample.ok);
    const eventStats = await eventWindow?.close(signal);
    if (crash) throw new Error(crash);
    const status: RunStatus = outer.aborted ? 'interrupted' : 'ok';
    const extra = { ...(eventStats ? { events: eventStats } : {}), ...(broker ? { brokerCpu: broker } : {}) };
    return { ...buildResult(plan, sample, usage, cpuPct, status), ...(Object.keys(extra).length ? { extra } : {}) };
  } catch (err) {
    // Something the target needs is absent (a broker): the benchmark skips it, not a failure.
    if (err instanceof TargetUnavailableError && !sample) throw err;
    const status: RunStatus = outer.aborted ? 'interrupted' : 'failed';
    const why = crash ?? (outer.aborted ? 'interrupted' : message(err));
    // A partial measurement is still data: keep it, marked.
    if (sample) return { ...buildResult(plan, sample, usage, cpuPct, status), error: why };
    return { ...base, status, error: why };
  } finally {
    phase('stop');
    await target?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function requestStats(s: { requests: number; errors: number; histogram: Sample['histogram'] }, durationS: number): RequestStats {
  const has = s.histogram.totalCount > 0;
  return {
    requests: s.requests,
    errors: s.errors,
    rps: round(s.requests / durationS, 1),
    latencyMs: summarizeMs(s.histogram),
    histogram: has ? encodeHistogram(s.histogram) : null,
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function buildResult(plan: TrialPlan, s: Sample, usage: TreeUsage | undefined, cpuPct: number, status: RunStatus): RunResult {
  const durationS = Math.max(s.durationMs / 1000, 0.001);
  const byRequest: Record<string, RequestStats> = {};
  for (const [name, r] of s.byRequest) byRequest[name] = requestStats(r, durationS);
  const total = requestStats({ requests: s.requests, errors: s.errors, histogram: s.histogram }, durationS);
  const cpuMs = usage ? usage.cpu.totalMs : null;
  const hasProcesses = usage && usage.processes.length > 0;
  return {
    target: plan.spec.name,
    axes: effectiveAxes(plan.spec.axes, plan.targetOptions),
    trial: plan.trial,
    status: status === 'ok' && s.ok === 0 ? 'failed' : status,
    ...(status === 'ok' && s.ok === 0 ? { error: `no successful response: ${s.errors} errors (${Object.entries(s.errorsByKind).map(([k, n]) => `${k} x${n}`).join(', ') || 'no response at all'})` } : {}),
    workload: plan.runner.describe(plan.executor),
    durationS: round(durationS, 3),
    requests: s.requests,
    ok: s.ok,
    errors: s.errors,
    errorsByKind: s.errorsByKind,
    dropped: s.dropped,
    rps: total.rps,
    latencyMs: total.latencyMs,
    histogram: total.histogram,
    byRequest,
    cpuMsPerRequest: hasProcesses && cpuMs !== null && s.ok > 0 ? round(cpuMs / s.ok, 4) : null,
    targetCpuMs: hasProcesses && usage ? { user: round(usage.cpu.userMs, 1), system: round(usage.cpu.systemMs, 1) } : null,
    rssMb: hasProcesses && usage ? { peakTotal: usage.peakTotalMb, processes: usage.processes } : null,
    generator: generatorHealth(cpuPct, s.lag, s.threads),
    timeline: s.timeline,
  };
}

export function failedResult(plan: TrialPlan, status: RunStatus, error: string): RunResult {
  return {
    target: plan.spec.name,
    axes: effectiveAxes(plan.spec.axes, plan.targetOptions),
    trial: plan.trial,
    status,
    error,
    workload: plan.runner.describe(plan.executor),
    durationS: 0,
    requests: 0,
    ok: 0,
    errors: 0,
    errorsByKind: {},
    dropped: 0,
    rps: 0,
    latencyMs: null,
    histogram: null,
    byRequest: {},
    cpuMsPerRequest: null,
    targetCpuMs: null,
    rssMb: null,
    generator: { cpuPct: 0, bound: false, reasons: [] },
    timeline: [],
  };
}

// One target, one trial: start -> verify -> seed -> warm-up (not recorded) -> measure -> stop.
import { openCacheWindow } from './cache-window.js';
import { stateCheckApplies } from './state-check.js';
import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { buildResult, emptyResult, type RunIdentity } from '../record/build-result.js';
import type { RunResult, RunStatus } from '../record/results.js';
import type { Sample, TreeUsage } from '../record/sample.js';
import { parseDurationMs } from '../common/duration.js';
import { executorDurationMs, warmupExecutor } from '../scenarios/executor.js';
import type { TrialSettings } from './plan.js';
import { runConformance } from '../targets/contracts/conformance.js';
import type { RunningTarget, TargetSpec } from '../targets/target.js';
import { EMPTY_SEED, type SeedData } from '../runners/engine/context.js';
import { protocolFor } from '../runners/protocols.js';
import { runSetup } from '../runners/engine/http/setup.js';
import { effectiveAxes } from './effective-axes.js';
import type { BenchmarkEvents, Phase } from './events.js';
import { GeneratorMeter, generatorHealth } from './generator.js';
import { assertLoopback } from '../common/loopback.js';
import { TreeSampler } from './proc.js';
import { sampleBrokerCpu, type BrokerCpuSampler } from './broker-cpu.js';
import { openEventWindow } from './event-window.js';
import { TargetUnavailableError } from '../targets/target.js';
import { makeDataDir } from './data-dir.js';

export interface TrialPlan extends TrialSettings {
  spec: TargetSpec;
  trial: number;
  verify: boolean;
}

export class PhaseError extends Error {
  constructor(readonly phase: Phase, message: string) {
    super(`${phase}: ${message}`);
  }
}

const VERIFY_TIMEOUT_MS = 60_000;
const SEED_TIMEOUT_MS = 180_000;
const SETUP_TIMEOUT_MS = 60_000;
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
    // Aborted by Ctrl-C (outer) or by a target crash (crashed).
  const local = new AbortController();
  const signal = AbortSignal.any([outer, local.signal]);
  const dataDir = makeDataDir(spec.name);
  let target: RunningTarget | undefined;
  let crash: string | undefined;
  let sample: Sample | undefined;
  let usage: TreeUsage | undefined;
  let cpuPct = 0;
  let perThreadCpuPct: number[] | undefined;
  const health = (s: Sample) => generatorHealth(cpuPct, s.lag, s.threads, perThreadCpuPct);
  let brokerCpu: BrokerCpuSampler | null = null;

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
      const report = await withTimeout('verify', VERIFY_TIMEOUT_MS, (s) => runConformance(running.url, { signal: s, ...(running.jwtSecret ? { jwtSecret: running.jwtSecret } : {}), state: stateCheckApplies(spec), graphql: effectiveAxes(plan.spec.axes, plan.targetOptions).graphqlLoader !== undefined }), signal);
      if (!report.passed) {
        const failed = report.checks.filter((c) => !c.ok);
        throw new PhaseError('verify', `${spec.name} does not conform to the API contract (${failed.length} of ${report.checks.length} checks failed):\n  ${failed.slice(0, 10).map((c) => `${c.name}: ${c.detail ?? 'failed'}`).join('\n  ')}`);
      }
    }

    let data: SeedData = EMPTY_SEED;
    if (plan.scenario.seed) {
      phase('seed');
      const spec = plan.scenario.seed;
      // Seeding speaks the scenario's protocol (HTTP through the public API, or gRPC).
      const protocol = await protocolFor(plan.scenario);
      data = await withTimeout('seed', SEED_TIMEOUT_MS, (s) => protocol.seed(running.url, spec, runId, s, plan.allowRemote), signal);
    }
    if (plan.scenario.setup) {
      // After seeding (setup may use the seeded users), before warm-up (which sends the same requests).
      phase('setup');
      const seeded = data;
      const setupData = await withTimeout('setup', SETUP_TIMEOUT_MS, (s) => runSetup(plan.scenario, running.url, seeded, runId, s), signal);
      data = { ...data, setupData };
    }
    const loadPlan = {
      url: running.url,
      scenario: plan.scenario,
      ...(plan.scenarioSource ? { scenarioSource: plan.scenarioSource } : {}),
      seed: data,
      runId,
      timeoutMs: plan.requestTimeoutMs,
      ...(plan.threads ? { threads: plan.threads } : {}),
      allowRemote: plan.allowRemote,
    };

    if (plan.warmupMs > 0) {
      phase('warmup');
      await withTimeout('warmup', plan.warmupMs + LOAD_GRACE_MS, (s) => runner.run({ ...loadPlan, executor: warmupExecutor(plan.executor, plan.warmupMs, plan.warmupLoad) }, s, {}), signal);
    }

    // Ctrl-C or a crash during warm-up: the measured phase must not start at all.
    if (signal.aborted) throw signal.reason;
    phase('measure');
    const sampler = new TreeSampler(() => running.pids());
    const meter = new GeneratorMeter();
    // Events published from here on count; the broker's CPU is kept apart from the target's.
    const eventWindow = await openEventWindow(running);
    const cacheWindow = await openCacheWindow(running);
    brokerCpu = sampleBrokerCpu(spec.axes.transport);
    sampler.start();
    meter.start();
    const loadMs = executorDurationMs(plan.executor, parseDurationMs);
    sample = await withTimeout('measure', loadMs + LOAD_GRACE_MS, (s) => runner.run({ ...loadPlan, executor: plan.executor }, s, {
      tick: (t) => events.emit('tick', { target: spec.name, trial, phase: 'measure', ...t }),
    }), signal);
    cpuPct = meter.cpuPct();
    const mainThread = meter.mainThreadPct();
    if (mainThread !== null) perThreadCpuPct = [mainThread, ...(sample.threadCpuPct ?? [])];
    usage = sampler.stop();
    const broker = brokerCpu?.stop(sample.ok);
    const eventStats = await eventWindow?.close(signal);
    const cacheStats = await cacheWindow?.close();
    if (crash) throw new Error(crash);
    const status: RunStatus = outer.aborted ? 'interrupted' : 'ok';
    const extra = { ...(eventStats ? { events: eventStats } : {}), ...(cacheStats ? { cache: cacheStats } : {}), ...(broker ? { brokerCpu: broker } : {}) };
    return { ...buildResult(identity(plan), sample, usage, health(sample), status), ...(Object.keys(extra).length ? { extra } : {}) };
  } catch (err) {
    // Something the target needs is absent (a broker): the benchmark skips it, not a failure.
    if (err instanceof TargetUnavailableError && !sample) throw err;
    const status: RunStatus = outer.aborted ? 'interrupted' : 'failed';
    const why = crash ?? (outer.aborted ? 'interrupted' : message(err));
    // A partial measurement is still data: keep it, marked.
    if (sample) return { ...buildResult(identity(plan), sample, usage, health(sample), status), error: why };
    return emptyResult(identity(plan), status, why);
  } finally {
    phase('stop');
    brokerCpu?.dispose();
    await target?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function identity(plan: TrialPlan): RunIdentity {
  return { target: plan.spec.name, axes: effectiveAxes(plan.spec.axes, plan.targetOptions), trial: plan.trial, workload: plan.runner.describe(plan.executor) };
}

// `bench verify`: the conformance suite against targets, check by check (TechEmpower's idea:
// one spec verified against every implementation before any load). Returns data per target;
// printing is the CLI's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../common/errors.js';
import { assertLoopback } from '../common/loopback.js';
import { selectTargets, targets as catalog } from '../targets/catalog.js';
import { runConformance, type ConformanceReport } from '../targets/contracts/conformance.js';
import { externalTarget } from '../targets/external.js';
import { TargetUnavailableError, type TargetSpec } from '../targets/target.js';
import { DEFAULTS } from './plan.js';
import { brokerTargetOptions, storageTargetOptions, type BrokerRequest, type StorageRequest } from './target-options.js';
import { checkReachable } from './url-check.js';
import { assertNoProblems, needsRedis, redisProblem, switchTargetOptions, type SwitchRequest } from './switch-options.js';
import { stateCheckApplies } from './state-check.js';
import { effectiveAxes } from './effective-axes.js';

export interface VerifyRequest extends StorageRequest, BrokerRequest, SwitchRequest {
  /** Also run the request-state check on persistent targets. */
  state?: boolean;
  targets?: string[];
  where?: string[];
  url?: string;
  allowRemote?: boolean;
  host?: string;
  readyTimeoutS?: number;
}

export type VerifyOutcome =
  | { target: string; kind: 'report'; report: ConformanceReport }
  | { target: string; kind: 'skipped'; reason: string }
  | { target: string; kind: 'error'; message: string };

export interface VerifyPlan {
  specs: TargetSpec[];
  request: VerifyRequest;
}

/** The targets to verify, every usage problem found before any starts. */
export async function planVerify(req: VerifyRequest): Promise<VerifyPlan> {
  let specs: TargetSpec[];
  if (req.url) {
    try {
      specs = [externalTarget(req.url)];
    } catch {
      throw new UsageError(`invalid --url "${req.url}": expected e.g. http://127.0.0.1:8000`, 'ERR_URL');
    }
    await checkReachable(req.url, req.allowRemote === true);
  } else {
    const asRun = (t: TargetSpec) => effectiveAxes(t.axes, switchTargetOptions(req, []).options);
    specs = req.targets || req.where ? selectTargets(req.targets ?? ['*'], req.where ?? [], '--targets', asRun) : catalog.filter((t) => !t.reference);
  }
  // The conformance suite speaks the public HTTP API; a gRPC endpoint has nothing to answer it.
  const grpcOnly = specs.filter((t) => t.protocol === 'grpc');
  if (grpcOnly.length) {
    throw new UsageError(`${grpcOnly.map((t) => t.name).join(', ')} serve gRPC, not the public HTTP API: the conformance suite cannot run on them (their transport is verified through the micro-grpc-* targets)`);
  }
  const storage = { ...storageTargetOptions(req), ...brokerTargetOptions(req) };
  const switches = switchTargetOptions(req, specs);
  assertNoProblems(switches.problems);
  const why = needsRedis(switches.options, specs) ? await redisProblem({ ...storage, ...switches.options }) : null;
  if (why) throw new UsageError(why);
  return { specs, request: req };
}

export async function verifyTargets(plan: VerifyPlan, signal: AbortSignal, onOutcome: (o: VerifyOutcome) => void): Promise<VerifyOutcome[]> {
  const req = plan.request;
  const options = { ...storageTargetOptions(req), ...brokerTargetOptions(req), ...switchTargetOptions(req, plan.specs).options };
  const outcomes: VerifyOutcome[] = [];
  const emit = (o: VerifyOutcome) => {
    outcomes.push(o);
    onOutcome(o);
  };
  for (const spec of plan.specs) {
    if (signal.aborted) break;
    const dataDir = mkdtempSync(join(tmpdir(), `archbench-verify-${spec.name}-`));
    try {
      const t = await spec.start({ dataDir, host: req.host ?? DEFAULTS.host, signal, readyTimeoutMs: (req.readyTimeoutS ?? DEFAULTS.readyTimeoutS) * 1000, options });
      try {
        await assertLoopback(t.url, req.allowRemote === true);
        const state = req.state === true && stateCheckApplies(spec);
        const report = await runConformance(t.url, { signal, ...(t.jwtSecret ? { jwtSecret: t.jwtSecret } : {}), state, graphql: spec.axes.graphqlLoader !== undefined });
        emit({ target: spec.name, kind: 'report', report });
      } finally {
        await t.stop();
      }
    } catch (err) {
      // An absent broker skips its targets with one line; the others are still verified.
      if (err instanceof TargetUnavailableError) emit({ target: spec.name, kind: 'skipped', reason: err.message });
      else emit({ target: spec.name, kind: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return outcomes;
}

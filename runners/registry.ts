// The explicit list of load generators; the harness picks the first that can execute a plan.
import { autocannonRunner } from './autocannon/index.js';
import { grpcRunner } from './grpc/index.js';
import { openRunner } from './open/index.js';
import type { Runner } from './runner.js';
import type { ExecutorConfig } from '../scenarios/executor.js';

// The engine's runner ('open': it executes every executor, open and closed, over HTTP) comes
// first: against nginx on one core its closed loop sent 0.75x of wrk's requests where
// autocannon sent 0.18x (scripts/bench-generator.sh 5 5 32, docs/measurement.md), so a closed run on autocannon measured autocannon as much as the
// target. autocannon stays as a cross-check (--runner autocannon; selftest runs it beside the
// engine); the grpc runner loads grpc:// targets.
export const runners: readonly Runner[] = [openRunner, autocannonRunner, grpcRunner];

export function pickRunner(executor: ExecutorConfig, url: string, preferred?: string): Runner {
  const candidates = preferred ? runners.filter((r) => r.name === preferred) : runners;
  if (preferred && candidates.length === 0) {
    throw new Error(`unknown runner "${preferred}"; valid: ${runners.map((r) => r.name).join(', ')}`);
  }
  const reasons: string[] = [];
  for (const r of candidates) {
    const why = r.unsupported(executor, url);
    if (!why) return r;
    reasons.push(`${r.name}: ${why}`);
  }
  throw new Error(`no runner can execute ${executor.type} against ${url}:\n  ${reasons.join('\n  ')}`);
}

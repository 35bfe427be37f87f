// A history of runs for site tests and scripts/bench-publish.ts: several scenarios, a day
// apart, each with its own commit, one target slowing down at a known run.
import type { Results } from '../../record/results.js';
import { EXPRESS, FASTIFY, makeResults } from './fixtures.js';

export interface HistoryOptions {
  runs: number;
  scenarios?: string[];
  trials?: number;
  /** From this run index on, monolith-express's p99 and CPU grow by half. */
  regressAt?: number;
  durationS?: number;
}

export function makeHistory(opts: HistoryOptions): Results[] {
  const scenarios = opts.scenarios ?? ['read-heavy', 'write-heavy'];
  const day = Date.parse('2026-01-01T00:00:00.000Z');
  return Array.from({ length: opts.runs }, (_, i) => {
    const slower = opts.regressAt !== undefined && i >= opts.regressAt;
    const express = slower ? { ...EXPRESS, latencyMs: EXPRESS.latencyMs * 1.5, cpuMsPerRequest: EXPRESS.cpuMsPerRequest * 1.5 } : EXPRESS;
    const r = makeResults({ trials: opts.trials ?? 3, targets: [FASTIFY, express], scenario: scenarios[i % scenarios.length]!, seed: 1000 + i, durationS: opts.durationS ?? 3 });
    r.startedAt = new Date(day + i * 86_400_000).toISOString();
    r.finishedAt = new Date(day + i * 86_400_000 + 60_000).toISOString();
    r.env.gitCommit = (i + 1).toString(16).padStart(8, '0').repeat(5);
    return r;
  });
}

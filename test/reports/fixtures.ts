// Fixed results for exporter and compare tests: real encoded histograms from a seeded
// generator, never a load run.
import { createHistogram, encodeHistogram, recordUs, summarizeMs } from '../../record/histogram.js';
import type { Results, RunResult } from '../../record/results.js';
import { seededRandom } from '../../analysis/stats.js';

export interface TargetShape {
  name: string;
  /** Median latency in ms; the tail is log-normal around it. */
  latencyMs: number;
  rps: number;
  cpuMsPerRequest: number;
  rssMb: number;
  /** Relative trial-to-trial noise of every metric (0.02 = 2%). */
  noise?: number;
  errorRate?: number;
}

export interface FixtureOptions {
  scenario?: string;
  trials: number;
  targets: TargetShape[];
  seed?: number;
  durationS?: number;
}

const REQUESTS = ['GET /users/:id', 'POST /users'];

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function run(shape: TargetShape, trial: number, durationS: number, rand: () => number): RunResult {
  const jitter = () => 1 + (shape.noise ?? 0.02) * gaussian(rand);
  const scale = jitter();
  const rps = Math.round(shape.rps * jitter());
  const ok = rps * durationS;
  const errors = Math.round(ok * (shape.errorRate ?? 0));
  const total = createHistogram();
  const parts = REQUESTS.map(() => createHistogram());
  const timeline: RunResult['timeline'] = [];
  const perSecond = Array.from({ length: durationS }, () => createHistogram());
  // Record a sample of the requests (enough for stable percentiles, quick to build).
  const samples = Math.min(ok, 4000);
  for (let i = 0; i < samples; i++) {
    const us = shape.latencyMs * 1000 * scale * Math.exp(0.5 * gaussian(rand));
    recordUs(total, us);
    recordUs(parts[i % parts.length]!, us);
    recordUs(perSecond[i % durationS]!, us);
  }
  for (let t = 0; t < durationS; t++) {
    const h = perSecond[t]!;
    timeline.push({ t, requests: Math.round(ok / durationS), errors: Math.round(errors / durationS), p50Ms: h.getValueAtPercentile(50) / 1000, p99Ms: h.getValueAtPercentile(99) / 1000 });
  }
  const byRequest: RunResult['byRequest'] = {};
  REQUESTS.forEach((name, i) => {
    byRequest[name] = { requests: Math.round(ok / 2), errors: Math.round(errors / 2), rps: rps / 2, latencyMs: summarizeMs(parts[i]!), histogram: encodeHistogram(parts[i]!) };
  });
  const cpu = shape.cpuMsPerRequest * jitter();
  return {
    target: shape.name,
    axes: { topology: 'monolith', framework: 'fastify', lifecycle: 'persistent', workers: 1, storage: 'sqlite' },
    trial,
    status: 'ok',
    workload: { model: 'closed', executor: 'constant-vus', runner: 'autocannon', connections: 8, description: 'closed model: 8 connections' },
    durationS,
    requests: ok + errors,
    ok,
    errors,
    errorsByKind: errors ? { http_500: errors } : {},
    dropped: 0,
    rps,
    latencyMs: summarizeMs(total),
    histogram: encodeHistogram(total),
    byRequest,
    cpuMsPerRequest: Math.round(cpu * 10000) / 10000,
    targetCpuMs: { user: Math.round(cpu * ok * 0.8), system: Math.round(cpu * ok * 0.2) },
    rssMb: { peakTotal: Math.round(shape.rssMb * jitter() * 10) / 10, processes: [{ pid: 1000, command: 'node', peakMb: shape.rssMb }] },
    generator: { cpuPct: 40, bound: false, reasons: [] },
    timeline,
  };
}

export function makeResults(opts: FixtureOptions): Results {
  const rand = seededRandom(opts.seed ?? 42);
  const durationS = opts.durationS ?? 3;
  const runs: RunResult[] = [];
  // Interleaved, as the harness runs them.
  for (let trial = 1; trial <= opts.trials; trial++) for (const t of opts.targets) runs.push(run(t, trial, durationS, rand));
  return {
    schemaVersion: 1,
    scenario: { name: opts.scenario ?? 'smoke', description: 'fixture scenario', warmupS: 1, seed: { users: 50, invoicesPerUser: 2 } },
    command: ['bench', 'run', opts.scenario ?? 'smoke', '--trials', String(opts.trials)],
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    status: 'ok',
    interrupted: false,
    baseline: opts.targets[0]?.name ?? null,
    env: {
      node: 'v20.0.0',
      os: 'Linux test',
      arch: 'x64',
      cpus: 2,
      cpuModel: 'Test CPU',
      totalMemMb: 4096,
      gitCommit: '0123456789abcdef0123456789abcdef01234567',
      archbenchVersion: '0.1.0',
      options: { trials: opts.trials },
      placement: 'none',
    },
    skipped: [],
    runs,
    thresholds: [],
  };
}

export const FASTIFY: TargetShape = { name: 'monolith-fastify', latencyMs: 2, rps: 4000, cpuMsPerRequest: 0.2, rssMb: 100 };
export const EXPRESS: TargetShape = { name: 'monolith-express', latencyMs: 3, rps: 3000, cpuMsPerRequest: 0.3, rssMb: 110 };

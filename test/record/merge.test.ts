import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createHistogram, decodeHistogram, encodeHistogram, recordUs, summarizeMs, type Histogram } from '../../record/histogram.js';
import { mergeResults } from '../../record/merge.js';
import type { Results, RunResult } from '../../record/results.js';
import { UsageError } from '../../common/errors.js';
import { seededRandom } from '../../analysis/stats.js';
import { FASTIFY, makeResults } from '../reports/fixtures.js';

const NAMES = ['GET /users/:id', 'POST /invoices'];
const DURATION_S = 4;

interface Sample {
  us: number;
  name: string;
  second: number;
  ok: boolean;
}

/** A request stream as one generator records it: deterministic, long-tailed. */
function stream(n: number): Sample[] {
  const rand = seededRandom(7);
  return Array.from({ length: n }, (_, i) => ({
    us: 300 + Math.exp(8 * rand()) * 10,
    name: NAMES[i % 2]!,
    second: Math.floor((i / n) * DURATION_S),
    ok: rand() > 0.01,
  }));
}

/** A RunResult built from samples the way the harness builds one (histogram of ok responses). */
function runOf(samples: Sample[], extra: Partial<RunResult> = {}): RunResult {
  const base = makeResults({ trials: 1, targets: [FASTIFY] }).runs[0]!;
  const total = createHistogram();
  const parts = new Map<string, { h: Histogram; requests: number; errors: number }>(NAMES.map((n) => [n, { h: createHistogram(), requests: 0, errors: 0 }]));
  const seconds = Array.from({ length: DURATION_S }, () => ({ requests: 0, errors: 0 }));
  let ok = 0;
  for (const s of samples) {
    const part = parts.get(s.name)!;
    part.requests++;
    seconds[s.second]!.requests++;
    if (s.ok) {
      ok++;
      recordUs(total, s.us);
      recordUs(part.h, s.us);
    } else {
      part.errors++;
      seconds[s.second]!.errors++;
    }
  }
  const byRequest: RunResult['byRequest'] = {};
  for (const [name, p] of parts) byRequest[name] = { requests: p.requests, errors: p.errors, rps: Math.round((p.requests / DURATION_S) * 10) / 10, latencyMs: summarizeMs(p.h), histogram: encodeHistogram(p.h) };
  return {
    ...base,
    durationS: DURATION_S,
    requests: samples.length,
    ok,
    errors: samples.length - ok,
    errorsByKind: samples.length - ok ? { http_500: samples.length - ok } : {},
    dropped: 0,
    rps: Math.round((samples.length / DURATION_S) * 10) / 10,
    latencyMs: summarizeMs(total),
    histogram: encodeHistogram(total),
    byRequest,
    timeline: seconds.map((s, t) => ({ t, ...s, p50Ms: null, p99Ms: null })),
    ...extra,
  };
}

function resultsOf(runs: RunResult[], startedAt = '2026-01-01T00:00:00.000Z'): Results {
  return { ...makeResults({ trials: 1, targets: [FASTIFY] }), startedAt, runs };
}

describe('mergeResults', () => {
  it('two halves of one run merge into exactly the whole', () => {
    const all = stream(20_000);
    const whole = runOf(all);
    const halves = [all.filter((_, i) => i % 3 !== 0), all.filter((_, i) => i % 3 === 0)];
    const merged = mergeResults(halves.map((h) => resultsOf([runOf(h)]))).runs[0]!;
    for (const key of ['requests', 'ok', 'errors', 'errorsByKind', 'dropped', 'rps', 'durationS', 'latencyMs'] as const) expect(merged[key], key).toEqual(whole[key]);
    const [m, w] = [decodeHistogram(merged.histogram!), decodeHistogram(whole.histogram!)];
    expect(m.totalCount).toBe(w.totalCount);
    for (const p of [1, 10, 50, 90, 99, 99.9, 99.99, 100]) expect(m.getValueAtPercentile(p), `p${p}`).toBe(w.getValueAtPercentile(p));
    for (const name of NAMES) {
      const { histogram: mh, ...mr } = merged.byRequest[name]!;
      const { histogram: wh, ...wr } = whole.byRequest[name]!;
      expect(mr, name).toEqual(wr);
      expect(decodeHistogram(mh!).getValueAtPercentile(99)).toBe(decodeHistogram(wh!).getValueAtPercentile(99));
    }
    expect(merged.timeline.map((p) => [p.t, p.requests, p.errors])).toEqual(whole.timeline.map((p) => [p.t, p.requests, p.errors]));
  });

  it('aligns timelines by start time, sums throughput per second and keeps each generator', () => {
    const a = resultsOf([runOf(stream(400), { generator: { cpuPct: 30, bound: false, reasons: [] } })], '2026-01-01T00:00:00.000Z');
    const b = resultsOf([runOf(stream(400), { generator: { cpuPct: 95, bound: true, reasons: ['generator CPU 95%'] } })], '2026-01-01T00:00:02.000Z');
    const merged = mergeResults([a, b], { labels: ['host-a', 'host-b'] });
    const run = merged.runs[0]!;
    expect(merged.startedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(run.timeline.map((p) => p.t)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(run.timeline[2]!.requests).toBe(a.runs[0]!.timeline[2]!.requests + b.runs[0]!.timeline[0]!.requests);
    expect(run.durationS).toBe(DURATION_S + 2);
    expect(run.rps).toBe(Math.round((800 / (DURATION_S + 2)) * 10) / 10);
    expect(run.generator.bound).toBe(true);
    expect(run.generator.cpuPct).toBe(95);
    expect(run.generator.reasons).toEqual(['host-b: generator CPU 95%']);
    expect(run.generator.sources?.map((s) => [s.source, s.offsetS, s.cpuPct])).toEqual([['host-a', 0, 30], ['host-b', 2, 95]]);
    expect(merged.mergedFrom?.map((s) => s.source)).toEqual(['host-a', 'host-b']);
    expect(run.workload.description).toMatch(/^2 generators, each /);
  });

  it('keeps target CPU only when exactly one generator measured it, over all ok responses', () => {
    const measured = runOf(stream(1000), { targetCpuMs: { user: 800, system: 200 } });
    const blind = runOf(stream(1000), { targetCpuMs: null, cpuMsPerRequest: null, rssMb: null });
    const one = mergeResults([resultsOf([measured]), resultsOf([blind])]).runs[0]!;
    expect(one.targetCpuMs).toEqual({ user: 800, system: 200 });
    expect(one.cpuMsPerRequest).toBe(Math.round((1000 / one.ok) * 10000) / 10000);
    expect(one.rssMb).toEqual(measured.rssMb);
    // Two observers of the same process tree would count its CPU twice: not additive, unknown.
    const both = mergeResults([resultsOf([measured]), resultsOf([measured])]).runs[0]!;
    expect(both.targetCpuMs).toBeNull();
    expect(both.cpuMsPerRequest).toBeNull();
  });

  it('merging an already merged run keeps every generator, offsets added', () => {
    const at = (s: number, seed: number) => ({ ...makeResults({ trials: 1, targets: [FASTIFY], seed }), startedAt: new Date(Date.parse('2026-01-01T00:00:00Z') + s * 1000).toISOString() });
    const pods = mergeResults([at(1, 1), at(2, 2)], { labels: ['pod-1', 'pod-2'] });
    const all = mergeResults([at(0, 3), pods], { labels: ['host', 'k6'] });
    expect(all.runs[0]!.generator.sources?.map((s) => [s.source, s.offsetS])).toEqual([['host', 0], ['k6/pod-1', 1], ['k6/pod-2', 2]]);
  });

  it('merges trial i with trial i across sources', () => {
    const a = makeResults({ trials: 3, targets: [FASTIFY], seed: 1 });
    const b = makeResults({ trials: 3, targets: [FASTIFY], seed: 2 });
    const merged = mergeResults([a, b]);
    expect(merged.runs.map((r) => r.trial)).toEqual([1, 2, 3]);
    merged.runs.forEach((r, i) => expect(r.ok).toBe(a.runs[i]!.ok + b.runs[i]!.ok));
  });

  it('refuses different scenarios, targets and executors with a usage error naming the difference', () => {
    const a = makeResults({ trials: 1, targets: [FASTIFY] });
    const other = (patch: (r: Results) => void) => {
      const b = structuredClone(a);
      patch(b);
      return () => mergeResults([a, b], { labels: ['a', 'b'] });
    };
    expect(other((b) => (b.scenario.name = 'write-heavy'))).toThrow(/different scenarios \(a: smoke; b: write-heavy\)/);
    expect(other((b) => (b.runs[0]!.target = 'monolith-express'))).toThrow(/different runs \(target and trial\)/);
    expect(other((b) => (b.runs[0]!.workload.executor = 'constant-arrival-rate'))).toThrow(/different executors of monolith-fastify trial 1/);
    expect(other((b) => (b.scenario.name = 'x'))).toThrow(UsageError);
    expect(() => mergeResults([a])).toThrow(UsageError);
  });

  it('writes results that validate against the schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../record/results.schema.json', import.meta.url), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, validateFormats: false });
    const merged = mergeResults([makeResults({ trials: 2, targets: [FASTIFY], seed: 1 }), makeResults({ trials: 2, targets: [FASTIFY], seed: 2 })]);
    expect(ajv.validate(schema, merged) ? [] : ajv.errors).toEqual([]);
  });
});

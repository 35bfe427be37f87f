import { describe, expect, it } from 'vitest';
import { mergeEncoded } from '../../record/histogram.js';
import { ThresholdError, evaluateThresholds, parseThresholds } from '../../analysis/thresholds.js';
import { FASTIFY, makeResults } from '../reports/fixtures.js';

const NAMES = ['GET /users/:id', 'POST /users'];

describe('thresholds (k6 syntax)', () => {
  it('parses metrics, tags, percentiles and k6 aliases', () => {
    const p = parseThresholds({ 'latency{name:GET /users/:id}': ['p(99)<50', 'avg<=10'], errors: ['rate<0.01'], http_req_duration: ['p(95)<500'] }, NAMES);
    expect(p.map((t) => [t.base, t.requestName, t.aggregation, t.percentile, t.op, t.limit])).toEqual([
      ['latency', 'GET /users/:id', 'p', 99, '<', 50],
      ['latency', 'GET /users/:id', 'avg', null, '<=', 10],
      ['errors', null, 'rate', null, '<', 0.01],
      ['latency', null, 'p', 95, '<', 500],
    ]);
  });

  it('rejects unknown metrics, tags, request names and aggregations, all at once', () => {
    let err: unknown;
    try {
      parseThresholds({ latenzy: ['p(99)<5'], 'latency{name:GET /nope}': ['p(99)<5'], errors: ['p(99)<1'], requests: ['rate <> 3'] }, NAMES);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ThresholdError);
    const msg = (err as Error).message;
    expect(msg).toContain('unknown metric "latenzy"; valid metrics: latency, errors, requests');
    expect(msg).toContain('no request named "GET /nope"; request names: GET /users/:id, POST /users');
    expect(msg).toContain('"p(99)" is not an aggregation of errors; valid: rate, count');
    expect(msg).toContain('cannot parse "rate <> 3"');
  });

  it('evaluates over the merged histograms of every usable trial', () => {
    const results = makeResults({ trials: 3, targets: [FASTIFY] });
    const merged = mergeEncoded(results.runs.map((r) => r.histogram!));
    const p99 = Math.round(merged.getValueAtPercentile(99)) / 1000;
    const [pass, fail] = evaluateThresholds(parseThresholds({ latency: [`p(99)<${p99 + 0.5}`, `p(99)<${p99 - 0.5}`] }, NAMES), results);
    expect(pass).toMatchObject({ target: 'monolith-fastify', ok: true, actual: p99 });
    expect(fail).toMatchObject({ ok: false, actual: p99 });
  });

  it('error rate from counts; a threshold with no samples fails', () => {
    const results = makeResults({ trials: 2, targets: [{ ...FASTIFY, errorRate: 0.05 }] });
    const [rate] = evaluateThresholds(parseThresholds({ errors: ['rate<0.01'] }, NAMES), results);
    expect(rate!.ok).toBe(false);
    expect(rate!.actual).toBeGreaterThan(0.04);
    for (const r of results.runs) r.status = 'failed';
    const [none] = evaluateThresholds(parseThresholds({ latency: ['p(99)<1000000'] }, NAMES), results);
    expect(none).toMatchObject({ ok: false, actual: null, detail: 'no usable trial' });
  });
});

describe('cpu_ms_per_request threshold', () => {
  it('reads the cpuMsPerRequest the table shows, not tick-quantised user+sys', () => {
    const results = makeResults({ trials: 2, targets: [FASTIFY] });
    // Ticks say 1 ms per request; the precise (schedstat) figure the table prints says 0.5 / 0.7.
    results.runs[0] = { ...results.runs[0]!, ok: 100, cpuMsPerRequest: 0.5, targetCpuMs: { user: 80, system: 20 } };
    results.runs[1] = { ...results.runs[1]!, ok: 300, cpuMsPerRequest: 0.7, targetCpuMs: { user: 250, system: 50 } };
    const [t] = evaluateThresholds(parseThresholds({ cpu_ms_per_request: ['value<0.9'] }, NAMES), results);
    // Weighted by successes, as the trials' CPU and successes add up: (50 + 210) / 400.
    expect(t).toMatchObject({ ok: true, actual: 0.65 });
  });

});

describe('checks threshold', () => {
  it("checks: rate is passes over evaluated checks of every name; no checks at all fails (no samples)", () => {
    const p = parseThresholds({ checks: ['rate>0.99', 'fails<1'] }, NAMES);
    const results = makeResults({ trials: 1, targets: [FASTIFY] });
    const run = results.runs[0]!;
    const withChecks = { ...results, runs: [{ ...run, checks: { 'status is 200': { passes: 990, fails: 0 }, 'has id': { passes: 985, fails: 5 } } }] };
    const out = evaluateThresholds(p, withChecks);
    expect(out.map((t) => [t.expression, t.ok, t.actual])).toEqual([
      ['rate>0.99', true, 0.997475],
      ['fails<1', false, 5],
    ]);
    const none = evaluateThresholds(p, { ...results, runs: [run] });
    expect(none.every((t) => !t.ok && t.actual === null)).toBe(true);
    expect(none[0]!.detail).toMatch(/no check was evaluated/);
  });
});

import { copyFileSync, createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { isUsageError } from '../../common/errors.js';
import { importK6, type ImportRequest } from '../../interop/k6/import.js';
import { decodeHistogram } from '../../record/histogram.js';
import type { Results } from '../../record/results.js';

const FIXTURE = new URL('../fixtures/k6/', import.meta.url).pathname;
const POINTS = join(FIXTURE, 'points.json');
const SUMMARY = join(FIXTURE, 'summary.json');
const dir = mkdtempSync(join(tmpdir(), 'k6-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = JSON.parse(readFileSync(SUMMARY, 'utf8')) as { metrics: Record<string, Record<string, number>> };
const NAME = 'GET /users/:id';

const request = (files: string[], extra: Partial<ImportRequest> = {}): ImportRequest => ({
  files,
  target: 'k6',
  scenario: { name: 'k6-import', description: 'test' },
  workload: { model: 'open', executor: 'constant-arrival-rate', runner: 'k6', description: 'test' },
  command: ['bench', 'import', 'k6'],
  env: { node: 'v20', os: 'linux', arch: 'x64', cpus: 1, cpuModel: 'x', totalMemMb: 1, gitCommit: null, archbenchVersion: '0', options: {}, placement: 'none' },
  ...extra,
});

/** The fixture's http_req_duration samples (ms), sorted: what k6 computed its summary from. */
function fixtureSamples(): number[] {
  return readFileSync(POINTS, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{"metric":"http_req_duration","type":"Point"'))
    .map((l) => (JSON.parse(l) as { data: { value: number } }).data.value)
    .sort((a, b) => a - b);
}

describe('k6 import of real k6 v0.47 output', () => {
  it('counts and percentiles per name agree with k6 summary within one sample rank plus HDR precision', async () => {
    const results = await importK6(request([POINTS]));
    const run = results.runs[0]!;
    expect(run.requests).toBe(summary.metrics.http_reqs!.count);
    expect(run.byRequest[NAME]!.requests).toBe(100);
    expect(run.errors).toBe(summary.metrics.http_req_failed!.passes);
    const h = decodeHistogram(run.byRequest[NAME]!.histogram!);
    expect(h.totalCount).toBe(100);
    const k6 = summary.metrics['http_req_duration{expected_response:true}']!;
    const s = fixtureSamples();
    expect(s).toHaveLength(100);
    for (const [p, key] of [[50, 'med'], [90, 'p(90)'], [95, 'p(95)'], [99, 'p(99)'], [100, 'max']] as const) {
      // k6: linear interpolation between ranks floor(pos) and ceil(pos), pos = p/100 * (n-1).
      // HDR: the sample of rank ceil(p/100 * n) - 1 (0-based). The two differ by at most one rank, so
      // both lie in [s[floor(pos) - 1], s[ceil(pos) + 1]]; HDR adds its precision: values rounded to
      // whole microseconds, then bucketed at 3 significant digits (relative 1/1024 of the value).
      const pos = (p / 100) * (s.length - 1);
      const lo = s[Math.max(0, Math.floor(pos) - 1)]!;
      const hi = s[Math.min(s.length - 1, Math.ceil(pos) + 1)]!;
      const slack = (v: number) => v / 1024 + 0.001;
      const ours = h.getValueAtPercentile(p) / 1000;
      const theirs = key in k6 ? k6[key]! : undefined;
      if (theirs !== undefined) {
        expect(theirs).toBeGreaterThanOrEqual(lo);
        expect(theirs).toBeLessThanOrEqual(hi);
        expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(hi - lo + slack(hi));
      }
      expect(ours).toBeGreaterThanOrEqual(lo - slack(lo));
      expect(ours).toBeLessThanOrEqual(hi + slack(hi));
    }
    // max has no interpolation: equal within HDR precision.
    expect(Math.abs(run.latencyMs!.max - k6.max!)).toBeLessThanOrEqual(slack(k6.max!));
    function slack(v: number) {
      return v / 1024 + 0.001;
    }
  });

  it('merges several files exactly: counts summed, histograms added, timeline summed per second (gzip too)', async () => {
    const gz = join(dir, 'points.json.gz');
    await pipeline(createReadStream(POINTS), createGzip(), createWriteStream(gz));
    const one = (await importK6(request([POINTS]))).runs[0]!;
    const two = (await importK6(request([POINTS, gz]))).runs[0]!;
    expect(two.requests).toBe(2 * one.requests);
    expect(decodeHistogram(two.histogram!).totalCount).toBe(2 * decodeHistogram(one.histogram!).totalCount);
    expect(two.latencyMs).toEqual(one.latencyMs);
    expect(two.timeline.map((t) => t.requests)).toEqual(one.timeline.map((t) => 2 * t.requests));
    expect(one.timeline.reduce((n, t) => n + t.requests, 0)).toBe(one.requests);
  });

  it('reads thresholds from the summary export (its boolean means "crossed")', async () => {
    const r = await importK6(request([POINTS], { summary: SUMMARY }));
    expect(r.thresholds).toEqual([
      expect.objectContaining({ metric: 'http_req_duration{scenario:reads}', expression: 'p(99)<200', ok: true, actual: 0.387845 }),
      expect.objectContaining({ metric: 'http_req_failed', expression: 'rate<0.01', ok: true, actual: 0 }),
    ]);
  });

  it('counts unexpected statuses as errors by kind and skips warm-up and setup points', async () => {
    const line = (value: number, tags: Record<string, string>) =>
      JSON.stringify({ metric: 'http_req_duration', type: 'Point', data: { time: '2026-01-01T00:00:00.5Z', value, tags } });
    const file = join(dir, 'mixed.json');
    writeFileSync(
      file,
      [
        line(1, { name: 'a', status: '200', expected_response: 'true', scenario: 'measure' }),
        line(2, { name: 'a', status: '503', expected_response: 'false', scenario: 'measure' }),
        line(3, { name: 'a', status: '0', expected_response: 'false', scenario: 'measure' }),
        line(4, { name: 'a', status: '200', expected_response: 'true', scenario: 'warmup' }),
        line(5, { name: 'setup /users', status: '201', expected_response: 'true', group: '::setup' }),
      ].join('\n') + '\n',
    );
    const run = (await importK6(request([file]))).runs[0]!;
    expect(run).toMatchObject({ requests: 3, ok: 1, errors: 2, errorsByKind: { http_503: 1, no_response: 1 } });
    expect(Object.keys(run.byRequest)).toEqual(['a']);
  });

  it('names the file and line of a corrupt line', async () => {
    const bad = join(dir, 'corrupt.json');
    const lines = readFileSync(POINTS, 'utf8').split('\n');
    lines[6] = lines[6]!.slice(0, 40);
    writeFileSync(bad, lines.join('\n'));
    const err = await importK6(request([bad])).catch((e: unknown) => e);
    expect(isUsageError(err)).toBe(true);
    expect((err as Error).message).toContain(`${bad}:7:`);
  });
});

describe('bench import k6', () => {
  it('writes a run folder whose results.json is valid against the schema', async () => {
    const out = join(dir, 'run');
    copyFileSync(POINTS, join(dir, 'pod-1.json'));
    const code = await main(['node', 'bench', 'import', 'k6', join(dir, 'pod-1.json'), '--summary', SUMMARY, '--out', out, '--scenario', 'get-user']);
    expect(code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    const schema = JSON.parse(readFileSync(new URL('../../record/results.schema.json', import.meta.url), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    expect(ajv.validate(schema, results), ajv.errorsText()).toBe(true);
    expect(results.runs[0]).toMatchObject({ status: 'ok', cpuMsPerRequest: null, workload: { runner: 'k6', executor: 'constant-vus', model: 'closed' } });
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('| k6 |');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<html');
  });

  it('exits 2 on a corrupt file', async () => {
    const bad = join(dir, 'garbage.json');
    writeFileSync(bad, 'not json\n');
    expect(await main(['node', 'bench', 'import', 'k6', bad, '--out', join(dir, 'never')])).toBe(2);
  });
});

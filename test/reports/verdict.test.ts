import { describe, expect, it } from 'vitest';
import { aggregate } from '../../analysis/aggregate.js';
import { chartData } from '../../reports/html/chart-data.js';
import { htmlReport } from '../../reports/html/report.js';
import { markdownSummary } from '../../reports/markdown.js';
import { estimate } from '../../analysis/stats.js';
import { terminalSummary } from '../../reports/terminal.js';
import { RANGE_ONLY_MAX_TRIALS, intervalNote, verdicts } from '../../reports/verdict.js';
import { EXPRESS, FASTIFY, makeResults } from './fixtures.js';

const NATS = { ...EXPRESS, name: 'micro-nats-fastify' };

function withFailed(trials: number) {
  const r = makeResults({ trials, targets: [FASTIFY, EXPRESS, NATS] });
  for (const run of r.runs.filter((x) => x.target === NATS.name)) {
    run.status = 'failed';
    run.error = 'cannot connect to NATS at nats://127.0.0.1:4222';
  }
  r.aggregates = aggregate(r);
  return r;
}

describe('the interval note says what the interval is', () => {
  it(`up to ${RANGE_ONLY_MAX_TRIALS} trials the bootstrap interval of the median is the range of the trials; from ${RANGE_ONLY_MAX_TRIALS + 1} it is narrower`, () => {
    for (let n = 2; n <= 8; n++) {
      const xs = Array.from({ length: n }, (_, i) => 100 + ((i * 37) % 11) + i / 10);
      const e = estimate(xs, 0x5eed + n);
      const range = e.ci.lo === Math.min(...xs) && e.ci.hi === Math.max(...xs);
      expect(range, `n=${n}`).toBe(n <= RANGE_ONLY_MAX_TRIALS);
    }
  });

  it('is worded by the number of trials', () => {
    expect(intervalNote(1)).toMatch(/^with 1 trial there is no interval/);
    expect(intervalNote(3)).toMatch(/^with 3 trials each "95% interval" is the range of the trials \(lowest to highest\)/);
    expect(intervalNote(6)).toBeNull();
  });
});

describe('a verdict line per target at the top of every output', () => {
  const r = withFailed(3);

  it('one shared structure: baseline values, ratios with intervals, failures with their reason', () => {
    const v = verdicts(r);
    expect(v.baseline).toBe('monolith-fastify');
    expect(v.targets.map((t) => t.kind)).toEqual(['baseline', 'ratio', 'failed']);
    expect(v.intervalNote).toContain('with 3 trials');
  });

  it('terminal: verdicts before the tables, in the issue\'s words', () => {
    const lines = terminalSummary(r).split('\n');
    expect(lines[2]).toMatch(/^monolith-fastify: baseline: [\d.]+ \[[\d.]+, [\d.]+\] CPU ms per request, \d+ \[\d+, \d+\] req\/s, [\d.]+ \[[\d.]+, [\d.]+\] ms p99$/);
    expect(lines[3]).toMatch(/^monolith-express: 1\.\d\dx CPU per request \[[\d.]+, [\d.]+\], 0\.\d\dx throughput \[[\d.]+, [\d.]+\], 1\.\d\dx p99 \[[\d.]+, [\d.]+\] against monolith-fastify$/);
    expect(lines[4]).toBe('! micro-nats-fastify: FAILED in all 3 trials, not compared (failed: cannot connect to NATS at nats://127.0.0.1:4222)');
    expect(lines[5]).toMatch(/^note: with 3 trials each "95% interval" is the range/);
    expect(lines.findIndex((l) => l.startsWith('target '))).toBeGreaterThan(5);
  });

  it('summary.md: verdicts before the tables', () => {
    const md = markdownSummary(r);
    const first = md.indexOf('- **monolith-express**: 1.');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(md.indexOf('| target'));
    expect(md).toContain('- ❌ **micro-nats-fastify**: FAILED in all 3 trials');
    expect(md).toContain('<sub>with 3 trials each "95% interval" is the range of the trials');
  });

  it('report.html: verdict, then the ratio plot and table, before flags and raw tables', () => {
    const html = htmlReport(r);
    const at = (s: string) => html.indexOf(s);
    expect(at('<ul id="verdict">')).toBeGreaterThan(0);
    expect(at('<ul id="verdict">')).toBeLessThan(at('id="ratio-plot"'));
    expect(at('id="ratio-plot"')).toBeLessThan(at('id="ratio-table"'));
    expect(at('id="ratio-table"')).toBeLessThan(at('id="flags"'));
    expect(at('id="flags"')).toBeLessThan(at('id="summary-table"'));
    expect(html).toContain('<span class="flag bad">failed</span> <strong>micro-nats-fastify</strong>: FAILED in all 3 trials');
    expect(html).toContain('id="interval-note"');
    expect(html).toContain('<span class="flag bad">not in the charts</span> <strong>micro-nats-fastify</strong>: no usable trial (failed: cannot connect');
  });

  it('a 1-trial run shows its ratios in the terminal and summary.md too, without an interval', () => {
    const one = makeResults({ trials: 1, targets: [FASTIFY, EXPRESS] });
    const text = terminalSummary(one);
    expect(text).toMatch(/monolith-express: 1\.\d\dx CPU per request, 0\.\d\dx throughput, 1\.\d\dx p99 against monolith-fastify\n/);
    expect(text).toContain('relative to monolith-fastify: ratio');
    expect(text).toContain('note: with 1 trial there is no interval');
    const md = markdownSummary(one);
    expect(md).toMatch(/- \*\*monolith-express\*\*: 1\.\d\dx CPU per request, 0\.\d\dx throughput/);
    expect(md).toContain('ratio of single runs');
  });
});

describe('chart data', () => {
  it('a failed target is not drawn (no legend entry, no empty slot) and is listed with its reason; colours keep their place', () => {
    const d = chartData(withFailed(2));
    expect(d.targets).toEqual(['monolith-fastify', 'monolith-express']);
    expect(d.colours).toEqual([0, 1]);
    expect(d.cpu.length).toBe(2);
    expect(d.notDrawn).toEqual([{ target: 'micro-nats-fastify', reason: 'no usable trial (failed: cannot connect to NATS at nats://127.0.0.1:4222)' }]);
    const r = makeResults({ trials: 1, targets: [NATS, FASTIFY] });
    r.runs[0]!.status = 'failed';
    expect(chartData(r).colours).toEqual([1]);
  });

  it('latency series have no zeros (log axes)', () => {
    const r = makeResults({ trials: 1, targets: [FASTIFY] });
    r.runs[0]!.timeline[0]!.p50Ms = 0;
    const d = chartData(r);
    expect(d.p50[0]![0]!.y).toBeNull();
    expect([...d.spectrum[0]!, ...d.p99[0]!].every((p) => p.y === null || p.y > 0)).toBe(true);
  });
});

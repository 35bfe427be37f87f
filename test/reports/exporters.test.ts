import { describe, expect, it } from 'vitest';
import { aggregate } from '../../analysis/aggregate.js';
import { DEFAULT_ALPHA, DEFAULT_MIN_EFFECTS, compareResults } from '../../analysis/compare.js';
import { compareHtml } from '../../reports/compare/html.js';
import { compareMarkdown } from '../../reports/compare/markdown.js';
import { htmlReport } from '../../reports/html/report.js';
import { markdownSummary } from '../../reports/markdown.js';
import { evaluateThresholds, parseThresholds } from '../../analysis/thresholds.js';
import { terminalSummary } from '../../reports/terminal.js';
import { EXPRESS, FASTIFY, makeResults } from './fixtures.js';

function fixed() {
  const results = makeResults({ trials: 3, targets: [FASTIFY, EXPRESS] });
  results.aggregates = aggregate(results);
  results.thresholds = evaluateThresholds(parseThresholds({ 'latency{name:GET /users/:id}': ['p(99)<5'], errors: ['rate<0.01'] }, ['GET /users/:id', 'POST /users']), results);
  return results;
}

describe('summary.md and the terminal table', () => {
  it('Markdown snapshot of a fixed 2-target, 3-trial run', () => {
    expect(markdownSummary(fixed())).toMatchSnapshot();
  });

  it('shows statistics across trials, ratios to the baseline and thresholds', () => {
    const md = markdownSummary(fixed());
    expect(md).toContain('Across trials: median [95% CI].');
    expect(md).toContain('Relative to `monolith-fastify`');
    expect(md).toMatch(/\| monolith-express \| \d\.\d\dx \[/);
    expect(md).toContain('<details><summary>every run</summary>');
    expect(md).toMatch(/\*\*Thresholds: \d failed\*\*/);
    const text = terminalSummary(fixed());
    expect(text).toContain('across trials: median [95% CI]');
    expect(text).toMatch(/FAILED monolith-express: latency\{name:GET \/users\/:id\} p\(99\)<5/);
  });

  it('one trial: the per-run table only, as before', () => {
    const one = makeResults({ trials: 1, targets: [FASTIFY] });
    const md = markdownSummary(one);
    expect(md).not.toContain('Across trials');
    expect(md).toContain('| monolith-fastify | 1 |');
  });
});

describe('report.html structure', () => {
  const html = htmlReport(fixed());

  it('is one self-contained file: chart.js and data inline, nothing fetched', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('Chart'); // the inlined library
    expect(html).toContain('<script type="application/json" id="chart-data">');
  });

  it('has every chart, table and section the issue lists', () => {
    for (const id of ['chart-spectrum', 'chart-latency-time', 'chart-rps-time', 'chart-cpu', 'chart-rss']) expect(html).toContain(`<canvas id="${id}"`);
    for (const id of ['summary-table', 'ratio-table', 'threshold-table', 'request-table', 'runs-table', 'env-table']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('GET /users/:id');
    expect(html).toContain('npx bench run smoke --trials 3');
    expect(html).toContain('<span class="flag bad">threshold</span>');
  });

  it('escapes text from results', () => {
    const r = fixed();
    r.scenario.description = '<img src=x onerror=alert(1)>';
    r.runs[0]!.error = '</script><script>alert(1)</script>';
    r.runs[0]!.status = 'failed';
    const out = htmlReport(r);
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('&lt;img src=x');
    expect(out.match(/<\/script>/g)!.length).toBe(3); // chart.js, data, page script
  });
});

describe('compare.md and compare.html', () => {
  it('lists regressions first with their intervals and the gate line', () => {
    const base = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01 }], seed: 1 });
    const head = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01, cpuMsPerRequest: 0.3 }], seed: 2 });
    const c = compareResults(base, head, { alpha: DEFAULT_ALPHA, minEffects: DEFAULT_MIN_EFFECTS }, { base: 'base.json', head: 'head.json' });
    const md = compareMarkdown(c);
    expect(md).toMatch(/\*\*❌ FAIL: \d+ regression\(s\)/);
    const firstRow = md.split('\n').find((l) => l.startsWith('| monolith-fastify'))!;
    expect(firstRow).toContain('regressed');
    const html = compareHtml(c);
    expect(html).toContain('id="compare-table"');
    expect(html).toContain('<div class="forest" id="ratio-plot" role="img"');
  });
});

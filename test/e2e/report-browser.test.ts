// The HTML reports opened from disk in real headless Chromium (Debian's /usr/bin/chromium):
// no console error, every chart drawn (pixels read back, not blank), the tables present.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregate } from '../../analysis/aggregate.js';
import { DEFAULT_ALPHA, DEFAULT_MIN_EFFECTS, compareResults } from '../../analysis/compare.js';
import { compareHtml } from '../../reports/compare/html.js';
import { htmlReport } from '../../reports/html/report.js';
import { EXPRESS, FASTIFY, makeResults } from '../reports/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('HTML reports in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'archbench-html-'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
    // Set ARCHBENCH_KEEP_HTML to look at the screenshots afterwards.
    if (process.env.ARCHBENCH_KEEP_HTML) console.log(`screenshots kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string, width = 1366) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  it('report.html: no console error, no network, every canvas drawn, tables present', async () => {
    const results = makeResults({ trials: 3, targets: [FASTIFY, EXPRESS] });
    results.aggregates = aggregate(results);
    const file = join(dir, 'report.html');
    writeFileSync(file, htmlReport(results));
    const { page, errors, requests } = await open(file);
    try {
      // Axes and grid alone are grey: count pixels in the first target's data colour
      // (#0072B2), which only a drawn line or bar has.
      const drawn = await page.$$eval('canvas', (canvases) =>
        canvases.map((c) => {
          const canvas = c as HTMLCanvasElement;
          const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let ink = 0;
          for (let i = 0; i < px.length; i += 4) {
            if (px[i + 3]! > 200 && Math.abs(px[i]! - 0x00) < 40 && Math.abs(px[i + 1]! - 0x72) < 40 && Math.abs(px[i + 2]! - 0xb2) < 40) ink++;
          }
          return { id: canvas.id, width: canvas.width, height: canvas.height, ink };
        }),
      );
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(drawn.map((d) => d.id).sort()).toEqual(['chart-cpu', 'chart-latency-time', 'chart-rps-time', 'chart-rss', 'chart-spectrum']);
      for (const d of drawn) {
        expect(d.width, d.id).toBeGreaterThan(100);
        expect(d.ink, `${d.id} has no data drawn`).toBeGreaterThan(100);
      }
      const rows = await page.$$eval('#summary-table tbody tr', (trs) => trs.map((tr) => tr.querySelector('td')!.textContent));
      expect(rows).toEqual(['monolith-fastify', 'monolith-express']);
      expect(await page.$$eval('#request-table tbody tr', (trs) => trs.length)).toBe(4);
      expect(await page.textContent('#command')).toContain('npx bench run smoke');
      await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('compare.html: no console error, verdict table present', async () => {
    const base = makeResults({ trials: 5, targets: [FASTIFY], seed: 1 });
    const head = makeResults({ trials: 5, targets: [{ ...FASTIFY, cpuMsPerRequest: 0.3 }], seed: 2 });
    const file = join(dir, 'compare.html');
    writeFileSync(file, compareHtml(compareResults(base, head, { alpha: DEFAULT_ALPHA, minEffects: DEFAULT_MIN_EFFECTS })));
    const { page, errors } = await open(file);
    try {
      expect(errors).toEqual([]);
      const verdicts = await page.$$eval('#compare-table tbody tr', (trs) => trs.map((tr) => tr.lastElementChild!.textContent));
      expect(verdicts.length).toBe(8);
      expect(verdicts.some((v) => v!.includes('regressed'))).toBe(true);
      expect(await page.$$eval('#ratio-plot .forest-dot', (c) => c.length)).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  // Issue 16: the verdict first, a ratio plot, log latency axes, a failed target labelled, and
  // nothing clipped on a phone. One target has a ~1 s tail, which flattened the others on a
  // linear axis.
  describe.each([1400, 390])('report.html at %i px', (width) => {
    it('verdict first, every chart inside the page, log latency axes, failed target labelled', async () => {
      const slow = { ...EXPRESS, name: 'micro-rest-fastify', latencyMs: 150, rps: 900, cpuMsPerRequest: 0.68 };
      const failed = { ...EXPRESS, name: 'micro-nats-fastify' };
      const results = makeResults({ trials: 3, targets: [FASTIFY, EXPRESS, slow, failed] });
      for (const r of results.runs.filter((x) => x.target === failed.name)) {
        r.status = 'failed';
        r.error = 'cannot connect to NATS at nats://127.0.0.1:4222';
      }
      results.aggregates = aggregate(results);
      const file = join(dir, `report-${width}.html`);
      writeFileSync(file, htmlReport(results));
      const { page, errors, requests } = await open(file, width);
      try {
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        const layout = await page.evaluate(() => {
          const chartOf = (id: string) => (window as unknown as { Chart: { getChart(id: string): { scales: Record<string, { type: string }>; data: { datasets: Array<{ label: string }>; labels?: string[] } } } }).Chart.getChart(id)!;
          const boxes = [...document.querySelectorAll('canvas, .forest, h1, h2')].map((e) => {
            const b = e.getBoundingClientRect();
            return { id: e.id || e.tagName, left: b.left, right: b.right, width: b.width };
          });
          return {
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            boxes,
            firstH2: document.querySelector('h2')!.textContent,
            verdict: [...document.querySelectorAll('#verdict li')].map((li) => li.textContent),
            plotRows: document.querySelectorAll('#ratio-plot .forest-dot').length,
            spectrumY: chartOf('chart-spectrum').scales.y!.type,
            timeY: chartOf('chart-latency-time').scales.y!.type,
            legend: chartOf('chart-spectrum').data.datasets.map((d) => d.label),
            bars: chartOf('chart-cpu').data.labels,
            notDrawn: document.querySelector('#not-drawn')?.textContent ?? '',
          };
        });
        // No horizontal scrolling of the page, and nothing drawn beyond the viewport.
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
        for (const b of layout.boxes) {
          expect(b.left, b.id).toBeGreaterThanOrEqual(0);
          expect(b.right, b.id).toBeLessThanOrEqual(layout.innerWidth);
          expect(b.width, b.id).toBeGreaterThan(100);
        }
        expect(layout.firstH2).toBe('Verdict');
        expect(layout.verdict[1]).toMatch(/^monolith-express: 1\.\d\dx CPU per request \[/);
        expect(layout.verdict[2]).toMatch(/^micro-rest-fastify: \d\.\d\dx CPU per request .* against monolith-fastify$/);
        expect(layout.verdict[3]).toMatch(/^failed micro-nats-fastify: FAILED in all 3 trials/);
        expect(layout.plotRows).toBe(10); // 2 measured targets x 5 ratio metrics
        expect([layout.spectrumY, layout.timeY]).toEqual(['logarithmic', 'logarithmic']);
        expect(layout.legend).toEqual(['monolith-fastify', 'monolith-express', 'micro-rest-fastify']);
        expect(layout.bars).toEqual(['monolith-fastify', 'monolith-express', 'micro-rest-fastify']);
        expect(layout.notDrawn).toContain('micro-nats-fastify: no usable trial (failed: cannot connect to NATS');
        await page.screenshot({ path: join(dir, `report-${width}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  });

  it('compare.html at 390 px: amber inconclusive badge, the forest plot inside the page', async () => {
    const base = makeResults({ trials: 3, targets: [{ ...FASTIFY, noise: 0.2 }], seed: 11 });
    const head = makeResults({ trials: 3, targets: [{ ...FASTIFY, noise: 0.2, cpuMsPerRequest: 0.3 }], seed: 12 });
    head.env.options = { ...head.env.options, injectCpuUs: 100 };
    const file = join(dir, 'compare-390.html');
    writeFileSync(file, compareHtml(compareResults(base, head, { alpha: DEFAULT_ALPHA, minEffects: DEFAULT_MIN_EFFECTS })));
    const { page, errors } = await open(file, 390);
    try {
      expect(errors).toEqual([]);
      const got = await page.evaluate(() => {
        const badge = document.getElementById('gate')!;
        const plot = document.getElementById('ratio-plot')!.getBoundingClientRect();
        return { text: badge.textContent, bg: getComputedStyle(badge).backgroundColor, scrollWidth: document.documentElement.scrollWidth, plotRight: plot.right };
      });
      expect(got.text).toMatch(/^PASS \(inconclusive: \d+ of 8 uncertain\)/);
      expect(got.bg).toBe('rgb(255, 243, 214)'); // .flag.warn: amber
      expect(got.scrollWidth).toBeLessThanOrEqual(390);
      expect(got.plotRight).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(dir, 'compare-390.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });
});

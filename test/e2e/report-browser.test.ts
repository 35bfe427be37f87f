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
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
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
      expect(await page.$$eval('svg circle', (c) => c.length)).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

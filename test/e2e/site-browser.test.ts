// The published site opened from disk in headless Chromium: the index lists every run, every
// link resolves to a file that loads, the trend charts draw a point for every run, filters work,
// no console error and nothing but file:// is requested. The site is built by the real CLI.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../common/atomic-write.js';
import { runId } from '../../reports/site/site-index.js';
import { folderExporters } from '../../reports/registry.js';
import { bench } from '../helpers/cli.js';
import { makeHistory } from '../reports/site-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const HISTORY = makeHistory({ runs: 6, regressAt: 4, trials: 5 });

describe.skipIf(!existsSync(CHROMIUM))('published site in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  let site: string;
  const errors: string[] = [];
  const offsite: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'archbench-site-e2e-'));
    site = join(dir, 'site');
    const dirs = HISTORY.map((r, i) => {
      for (const e of folderExporters) writeFileAtomic(join(dir, `run-${i}`, e.file), e.render(r));
      return join(dir, `run-${i}`);
    });
    // Two publishes: the site must keep the first one's runs.
    for (const part of [dirs.slice(0, 3), dirs.slice(2)]) {
      const r = await bench(['publish', ...part, '--site', site]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${url}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${url}: ${String(e)}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) offsite.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  it('index lists every run, newest first, and its links all load', async () => {
    const page = await open(pathToFileURL(join(site, 'index.html')).href);
    const ids = await page.$$eval('#runs-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-run')));
    expect(ids).toEqual(HISTORY.map(runId).reverse());
    const links = await page.$$eval('a', (as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]);
    expect(links.length).toBe(ids.length * 2 + 2);
    for (const href of links) {
      expect(href.startsWith('file:'), href).toBe(true);
      expect(existsSync(fileURLToPath(href)), href).toBe(true);
      const linked = await open(href);
      expect(await linked.evaluate(() => document.body !== null && document.body.textContent!.length > 0), href).toBe(true);
      await linked.close();
    }
    // Filters: one scenario, then one target within it.
    await page.selectOption('#filter-scenario', 'read-heavy');
    expect(await page.$$eval('#runs-table tbody tr:not([hidden])', (trs) => trs.map((tr) => tr.getAttribute('data-scenario')))).toEqual(['read-heavy', 'read-heavy', 'read-heavy']);
    await page.selectOption('#filter-target', 'monolith-express');
    expect(await page.$$eval('#runs-table tbody tr:not([hidden]) [data-target]:not([hidden])', (ls) => [...new Set(ls.map((l) => l.getAttribute('data-target')))])).toEqual(['monolith-express']);
    expect(await page.textContent('#shown')).toBe('3');
    await page.close();
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
  });

  it('trend charts draw a point for every run and target, the regression marked', async () => {
    for (const scenario of ['read-heavy', 'write-heavy']) {
      const page = await open(pathToFileURL(join(site, 'trends', `${scenario}.html`)).href);
      const runs = HISTORY.filter((r) => r.scenario.name === scenario).length;
      const charts = await page.$$eval('canvas', (canvases) =>
        canvases.map((c) => {
          type ChartLike = { data: { datasets: Array<{ label: string; median?: boolean; regression?: boolean; data: Array<number | null> }> }; getDatasetMeta(i: number): { data: Array<{ skip?: boolean; x: number; y: number }> } };
          const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): ChartLike } }).Chart.getChart(c as HTMLCanvasElement);
          const sets = chart.data.datasets.map((d, i) => ({ label: d.label, median: d.median === true, regression: d.regression === true, drawn: chart.getDatasetMeta(i).data.filter((p) => !p.skip && Number.isFinite(p.x) && Number.isFinite(p.y)).length }));
          return { id: c.id, sets };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual(['trend-rps', 'trend-p50', 'trend-p99', 'trend-cpuMsPerRequest', 'trend-rssMb']);
      for (const c of charts) {
        const medians = c.sets.filter((s) => s.median);
        expect(medians.map((s) => s.label), c.id).toEqual(['monolith-fastify', 'monolith-express']);
        for (const m of medians) expect(m.drawn, `${c.id} ${m.label}`).toBe(runs);
      }
      // regressAt 4 is a read-heavy run (even index): its express p99 is marked; write-heavy's
      // first slower run is 5, judged against 3.
      const p99 = charts.find((c) => c.id === 'trend-p99')!.sets.find((s) => s.label === 'monolith-express regressed')!;
      expect(p99.drawn).toBe(1);
      expect(await page.$$eval('#regression-table tbody tr', (trs) => trs.length)).toBeGreaterThan(0);
      await page.screenshot({ path: join(dir, `trend-${scenario}.png`), fullPage: true });
      await page.close();
    }
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_FILE, publishSite } from '../../cli/publish.js';
import { writeFileAtomic } from '../../common/atomic-write.js';
import { UsageError } from '../../common/errors.js';
import { mergeResults } from '../../record/merge.js';
import type { Results } from '../../record/results.js';
import { aggregate } from '../../analysis/aggregate.js';
import { folderExporters } from '../../reports/registry.js';
import { indexPage } from '../../reports/site/index-page.js';
import { SITE_VERSION, runId, siteRunOf, type SiteIndex } from '../../reports/site/site-index.js';
import { trendData } from '../../reports/site/trend-page.js';
import { makeHistory } from './site-fixtures.js';

describe('site index', () => {
  it('gives each run a stable id from scenario, start and commit; a merged run its own', () => {
    const [a, b] = makeHistory({ runs: 2 });
    expect(runId(a!)).toBe('read-heavy-20260101T000000000Z-0000000100');
    expect(runId(structuredClone(a!))).toBe(runId(a!));
    expect(runId(b!)).not.toBe(runId(a!));
    expect(runId(mergeResults([a!, structuredClone(a!)]))).toBe(`${runId(a!)}-x2`);
  });

  it('takes headline numbers from the aggregates: median and interval per target', () => {
    const r = makeHistory({ runs: 1 })[0]!;
    r.aggregates = aggregate(r);
    const run = siteRunOf(r);
    const agg = r.aggregates.targets[0]!.metrics.p99!;
    expect(run.targets.map((t) => t.target)).toEqual(['monolith-fastify', 'monolith-express']);
    expect(run.targets[0]!.metrics.p99).toEqual({ median: agg.median, lo: agg.ci.lo, hi: agg.ci.hi });
    expect(run.report).toBe(`runs/${run.id}/report.html`);
  });

  it('trend data has one point per run and target, regressions where the verdicts say', () => {
    const runs = makeHistory({ runs: 3, scenarios: ['s'] }).map(siteRunOf);
    runs[2]!.vsPrevious = { previous: runs[1]!.id, regressed: [{ target: 'monolith-express', metric: 'p99', reason: '+50%' }], improved: [] };
    const d = trendData('s', runs);
    const p99 = d.metrics.find((m) => m.key === 'p99')!;
    expect(d.labels.length).toBe(3);
    expect(p99.values.map((v) => v.filter((e) => e !== null).length)).toEqual([3, 3]);
    expect(p99.regressed).toEqual([[false, false, false], [false, false, true]]);
  });

  it('index page has one row per run and escapes what it shows', () => {
    const runs = makeHistory({ runs: 4 }).map(siteRunOf);
    runs[0]!.scenario = '<b>x</b>';
    const html = indexPage({ siteVersion: SITE_VERSION, runs });
    expect(html.match(/<tr data-run=/g)?.length).toBe(4);
    expect(html).not.toContain('<b>x</b>');
    expect(html).not.toMatch(/https?:\/\/(?!archbench)/);
  });
});

describe('publishSite', () => {
  let dir: string;
  let site: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'archbench-site-'));
    site = join(dir, 'site');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Run folders as bench run writes them; `bare` ones hold only results.json. */
  function folders(history: Results[], bare: number[] = []): string[] {
    return history.map((r, i) => {
      const d = join(dir, `run-${i}`);
      for (const e of folderExporters) if (e.file === 'results.json' || !bare.includes(i)) writeFileAtomic(join(d, e.file), e.render(r));
      return d;
    });
  }
  const indexOf = () => JSON.parse(readFileSync(join(site, INDEX_FILE), 'utf8')) as SiteIndex;

  it('adds runs incrementally, never twice, newest first, every linked file present', () => {
    const history = makeHistory({ runs: 6, regressAt: 4, scenarios: ['read-heavy'] });
    const dirs = folders(history, [1]);
    expect(publishSite(dirs.slice(0, 4), site).added.length).toBe(4);
    const second = publishSite(dirs.slice(2), site);
    expect(second.added.length).toBe(2);
    expect(second.present.length).toBe(2);
    const index = indexOf();
    expect(index.siteVersion).toBe(SITE_VERSION);
    expect(index.runs.map((r) => r.id)).toEqual(history.map(runId).reverse());
    for (const r of index.runs) {
      expect(existsSync(join(site, r.report)), r.report).toBe(true);
      expect(existsSync(join(site, r.results)), r.results).toBe(true);
    }
    // Run 1 had no report.html: one was built from its results.json.
    expect(readFileSync(join(site, index.runs[4]!.report), 'utf8')).toContain('<canvas id="chart-spectrum"');
    expect(existsSync(join(site, 'trends', 'read-heavy.html'))).toBe(true);
    const html = readFileSync(join(site, 'index.html'), 'utf8');
    for (const r of index.runs) expect(html).toContain(`data-run="${r.id}"`);
  });

  it('marks the regression bench compare finds between consecutive runs, and only there', () => {
    const history = makeHistory({ runs: 4, regressAt: 2, scenarios: ['read-heavy'], trials: 5 });
    publishSite(folders(history), site);
    const byId = new Map(indexOf().runs.map((r) => [r.id, r]));
    const verdicts = history.map((r) => byId.get(runId(r))!.vsPrevious);
    expect(verdicts[0]).toBeNull();
    expect(verdicts[1]!.regressed).toEqual([]);
    expect(verdicts[2]!.regressed.map((x) => `${x.target} ${x.metric}`)).toEqual(expect.arrayContaining(['monolith-express p99', 'monolith-express cpuMsPerRequest']));
    expect(verdicts[2]!.regressed.every((x) => x.target === 'monolith-express')).toBe(true);
    expect(verdicts[3]!.regressed).toEqual([]);
  });

  it('re-pairs comparisons when an older run is published later', () => {
    const history = makeHistory({ runs: 3, scenarios: ['s'] });
    const dirs = folders(history);
    publishSite([dirs[0]!, dirs[2]!], site);
    expect(indexOf().runs[0]!.vsPrevious?.previous).toBe(runId(history[0]!));
    publishSite([dirs[1]!], site);
    const runs = indexOf().runs;
    expect(runs.map((r) => r.vsPrevious?.previous ?? null)).toEqual([runId(history[1]!), runId(history[0]!), null]);
  });

  it('says why a pair was not compared (too few trials) instead of failing', () => {
    publishSite(folders(makeHistory({ runs: 2, scenarios: ['s'], trials: 1 })), site);
    expect(indexOf().runs[0]!.vsPrevious?.note).toMatch(/missing trials/);
  });

  it('refuses a site folder of another version and a missing run with a usage error', () => {
    writeFileAtomic(join(site, INDEX_FILE), JSON.stringify({ siteVersion: 99, runs: [] }));
    expect(() => publishSite(folders(makeHistory({ runs: 1 })), site)).toThrow(/siteVersion 99/);
    writeFileSync(join(site, INDEX_FILE), '{');
    expect(() => publishSite([join(dir, 'run-0')], site)).toThrow(UsageError);
    rmSync(join(site, INDEX_FILE));
    expect(() => publishSite([join(dir, 'nope')], site)).toThrow(/does not exist/);
  });
});

// bench publish <run dirs...> --site DIR: add runs to a static site (index, each run's report,
// a trend page per scenario) that works from disk, a plain file server or GitHub Pages.
// Incremental: the site's data/index.json is read back, runs already in it are not added twice,
// and the pages are rebuilt from it, so publishing one run keeps every earlier one.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../common/atomic-write.js';
import { UsageError } from '../common/errors.js';
import { loadResults } from '../record/load.js';
import type { Results } from '../record/results.js';
import { htmlReport } from '../reports/html/report.js';
import { indexPage, trendPath } from '../reports/site/index-page.js';
import { SITE_VERSION, newestFirst, runId, runsByScenario, siteRunOf, type SiteIndex } from '../reports/site/site-index.js';
import { trendPage } from '../reports/site/trend-page.js';
import { verdictsBetween } from '../analysis/site-verdicts.js';

export const INDEX_FILE = join('data', 'index.json');

export interface PublishOutcome {
  added: string[];
  /** Runs already on the site (same id), left as they were. */
  present: string[];
  index: SiteIndex;
}

function readIndex(site: string): SiteIndex {
  const file = join(site, INDEX_FILE);
  if (!existsSync(file)) return { siteVersion: SITE_VERSION, runs: [] };
  let data: Partial<SiteIndex>;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Partial<SiteIndex>;
  } catch (err) {
    throw new UsageError(`--site: ${file} is not valid JSON (${err instanceof Error ? err.message : String(err)}); point --site at an archbench site or an empty folder`);
  }
  if (data.siteVersion !== SITE_VERSION || !Array.isArray(data.runs)) {
    throw new UsageError(`--site: ${file} has siteVersion ${JSON.stringify(data.siteVersion)}, this archbench writes ${SITE_VERSION}; publish into a new folder`);
  }
  return { siteVersion: SITE_VERSION, runs: data.runs };
}

/** Copy a run's files into runs/<id>/; a folder without report.html gets one built from its JSON. */
function copyRun(site: string, id: string, loaded: { results: Results; file: string; dir: string }): void {
  const into = join(site, 'runs', id);
  mkdirSync(into, { recursive: true });
  copyFileSync(loaded.file, join(into, 'results.json'));
  const report = join(loaded.dir, 'report.html');
  if (existsSync(report)) copyFileSync(report, join(into, 'report.html'));
  else writeFileAtomic(join(into, 'report.html'), htmlReport(loaded.results));
}

/** Judge each run against its scenario's previous one, where that pairing is new. */
function judgeConsecutive(site: string, index: SiteIndex, fresh: Map<string, Results>): void {
  const resultsOf = (id: string) => fresh.get(id) ?? loadResults(join(site, 'runs', id, 'results.json'), `site run ${id}`).results;
  for (const runs of runsByScenario(index).values()) {
    runs.forEach((run, i) => {
      const prev = runs[i - 1];
      if (!prev) run.vsPrevious = null;
      else if (run.vsPrevious?.previous !== prev.id) run.vsPrevious = verdictsBetween(resultsOf(prev.id), resultsOf(run.id), prev.id);
    });
  }
}

export function publishSite(paths: string[], site: string): PublishOutcome {
  if (!paths.length) throw new UsageError('bench publish needs at least one run folder');
  const index = readIndex(site);
  const known = new Set(index.runs.map((r) => r.id));
  const fresh = new Map<string, Results>();
  const added: string[] = [];
  const present: string[] = [];
  // Load every input first: a bad folder fails the publish before anything is written.
  const inputs = paths.map((p) => loadResults(p, 'run'));
  for (const loaded of inputs) {
    const id = runId(loaded.results);
    if (known.has(id)) {
      present.push(id);
      continue;
    }
    copyRun(site, id, loaded);
    index.runs.push(siteRunOf(loaded.results));
    known.add(id);
    fresh.set(id, loaded.results);
    added.push(id);
  }
  judgeConsecutive(site, index, fresh);
  index.runs.sort(newestFirst);
  writeFileAtomic(join(site, INDEX_FILE), JSON.stringify(index, null, 1) + '\n');
  writeFileAtomic(join(site, 'index.html'), indexPage(index));
  for (const [scenario, runs] of runsByScenario(index)) writeFileAtomic(join(site, trendPath(scenario)), trendPage(scenario, runs));
  // GitHub Pages: serve the files as they are (no Jekyll processing).
  writeFileAtomic(join(site, '.nojekyll'), '');
  return { added, present, index };
}

export function registerPublish(program: Command): void {
  program
    .command('publish')
    .description('add runs to a static site: an index of every run, their reports, a trend page per scenario')
    .argument('<runs...>', 'run folders or results.json files')
    .requiredOption('--site <dir>', 'the site folder (created, or added to when it exists)')
    .action((paths: string[], flags: { site: string }) => {
      const { added, present, index } = publishSite(paths, flags.site);
      if (present.length) process.stdout.write(`already published: ${present.join(', ')}\n`);
      process.stdout.write(`added ${added.length} run(s); the site has ${index.runs.length}: ${join(flags.site, 'index.html')}\n`);
    });
}

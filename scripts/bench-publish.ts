// Site publishing cost: N synthetic run folders (the seeded fixtures the tests use, two
// targets, aggregates stored as bench run stores them), then `bench publish` of all of them
// into an empty site, then one more run into that site (the incremental case), each timed end
// to end as a user runs it (node start-up included); and the site's size.
//   node --import tsx scripts/bench-publish.ts [--runs 100 --trials 3 --keep DIR]   (after npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../common/atomic-write.js';
import { aggregate } from '../analysis/aggregate.js';
import { folderExporters } from '../reports/registry.js';
import { makeHistory } from '../test/reports/site-fixtures.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    trials: { type: 'string', default: '3' },
    keep: { type: 'string' },
  },
});
const [runs, trials] = [Number(values.runs), Number(values.trials)];
const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'archbench-publish-'));
const bin = new URL('../bin/bench.js', import.meta.url).pathname;

const history = makeHistory({ runs: runs + 1, trials, regressAt: Math.floor(runs / 2), durationS: 10 });
const folders = history.map((r, i) => {
  r.aggregates = aggregate(r);
  const d = join(dir, 'runs-in', `run-${String(i).padStart(3, '0')}`);
  for (const e of folderExporters) writeFileAtomic(join(d, e.file), e.render(r));
  return d;
});

function publish(paths: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'publish', ...paths, '--site', join(dir, 'site')], { encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`bench publish exited ${r.status}: ${r.stderr}`);
  return s;
}

function size(path: string): { bytes: number; files: number } {
  const st = statSync(path);
  if (!st.isDirectory()) return { bytes: st.size, files: 1 };
  return readdirSync(path).map((f) => size(join(path, f))).reduce((a, b) => ({ bytes: a.bytes + b.bytes, files: a.files + b.files }), { bytes: 0, files: 0 });
}

const first = publish(folders.slice(0, runs));
const one = publish(folders.slice(runs));
const site = size(join(dir, 'site'));
const mb = (b: number) => (b / 1048576).toFixed(1);
const part = (p: string) => mb(size(join(dir, 'site', p)).bytes);
process.stdout.write(
  [
    `runs: ${runs} (+1 incremental), ${trials} trials x 2 targets each, node ${process.version}`,
    `publish ${runs} runs into an empty site: ${first.toFixed(2)} s`,
    `publish 1 more run into that site: ${one.toFixed(2)} s`,
    `site: ${mb(site.bytes)} MB in ${site.files} files (runs/ ${part('runs')} MB, trends/ ${part('trends')} MB, index.html ${part('index.html')} MB, data/ ${part('data')} MB)`,
    values.keep ? `kept in ${dir}` : '',
  ].filter(Boolean).join('\n') + '\n',
);
if (!values.keep) rmSync(dir, { recursive: true, force: true });

// Report generation cost (issue 5's benchmark): a 20-target, 5-trial results.json built from
// the seeded fixture the exporter tests use, then `bench report` on it, timed end to end as a
// user runs it (node start-up included) and per exporter in-process.
//   npm run bench:report [-- --targets 20 --trials 5 --duration 30 --rounds 5]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { aggregate } from '../analysis/aggregate.js';
import { folderExporters } from '../reports/registry.js';
import { median } from '../analysis/stats.js';
import { makeResults, type TargetShape } from '../test/reports/fixtures.js';

const { values } = parseArgs({
  options: {
    targets: { type: 'string', default: '20' },
    trials: { type: 'string', default: '5' },
    duration: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '5' },
  },
});
const [targets, trials, durationS, rounds] = [values.targets, values.trials, values.duration, values.rounds].map(Number) as [number, number, number, number];

const shapes: TargetShape[] = Array.from({ length: targets }, (_, i) => ({
  name: `target-${String(i + 1).padStart(2, '0')}`,
  latencyMs: 1 + i * 0.5,
  rps: 8000 / (1 + i * 0.2),
  cpuMsPerRequest: 0.1 + i * 0.02,
  rssMb: 80 + i * 10,
  noise: 0.03,
}));
const results = makeResults({ trials, targets: shapes, durationS });
// bench run stores the aggregates (bootstrap intervals) once, at the end of the run; the
// exporters and bench report read them from the file.
const aggregateStart = performance.now();
results.aggregates = aggregate(results);
const aggregateMs = performance.now() - aggregateStart;
const dir = mkdtempSync(join(tmpdir(), 'archbench-report-'));
writeFileSync(join(dir, 'results.json'), JSON.stringify(results));

const walls: number[] = [];
for (let i = 0; i < rounds; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/bench.js', 'report', dir, '--quiet'], { encoding: 'utf8' });
  walls.push(performance.now() - t0);
  if (r.status !== 0) throw new Error(`bench report failed (exit ${r.status}):\n${r.stderr}`);
}

// In-process, per exporter: what each costs without node start-up and JSON parsing.
const perExporter = folderExporters
  .filter((e) => e.file !== 'results.json')
  .map((e) => {
    const ms: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      e.render(results);
      ms.push(performance.now() - t0);
    }
    return `${e.file} ${median(ms).toFixed(0)} ms`;
  });

const kib = (f: string) => `${(statSync(join(dir, f)).size / 1024).toFixed(0)} KiB`;
console.log(`${targets} targets x ${trials} trials x ${durationS} s (results.json ${kib('results.json')})`);
console.log(`aggregates (once, at the end of bench run): ${aggregateMs.toFixed(0)} ms`);
console.log(`bench report, wall time over ${rounds} rounds: median ${median(walls).toFixed(0)} ms (${Math.min(...walls).toFixed(0)}-${Math.max(...walls).toFixed(0)})`);
console.log(`in-process render, median: ${perExporter.join(', ')}`);
console.log(`files: ${readdirSync(dir).sort().map((f) => `${f} ${kib(f)}`).join(', ')}`);
rmSync(dir, { recursive: true, force: true });

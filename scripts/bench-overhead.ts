// Framework overhead: monolith-fastify vs a bare node:http server doing the same SQLite
// read for GET /users/:id, interleaved in one run (B A B A ...), ratios per trial pair.
//   npm run bench:overhead [-- --trials 5 --duration 10]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Results, RunResult } from '../record/results.js';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '3' }, duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } } });
const out = mkdtempSync(join(tmpdir(), 'archbench-overhead-'));
const args = [
  'bin/bench.js', 'run', 'get-user',
  '--targets', 'bare-node-http,monolith-fastify', '--baseline', 'bare-node-http',
  '--trials', values.trials!, '--duration', values.duration!, '--connections', values.connections!, '--out', out,
];
console.log(`$ node ${args.join(' ')}`);
const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
const byTrial = (name: string) => results.runs.filter((r) => r.target === name).sort((a, b) => a.trial - b.trial);
const bare = byTrial('bare-node-http');
const app = byTrial('monolith-fastify');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const line = (label: string, runs: RunResult[]) =>
  `${label.padEnd(18)} rps ${runs.map((r) => r.rps.toFixed(0)).join(' / ')}  (median ${median(runs.map((r) => r.rps)).toFixed(0)})  ` +
  `CPU ms/req median ${median(runs.map((r) => r.cpuMsPerRequest ?? NaN)).toFixed(4)}  generator CPU ${runs.map((r) => `${r.generator.cpuPct}%${r.generator.bound ? ' BOUND' : ''}`).join(' / ')}`;
const ratios = app.map((r, i) => r.rps / bare[i]!.rps);
const cpuRatios = app.map((r, i) => (r.cpuMsPerRequest ?? NaN) / (bare[i]!.cpuMsPerRequest ?? NaN));
console.log('\nframework overhead, GET /users/:id, interleaved trials');
console.log(line('bare-node-http', bare));
console.log(line('monolith-fastify', app));
console.log(`throughput ratio monolith-fastify / bare-node-http per trial: ${ratios.map((x) => x.toFixed(3)).join(', ')}; median ${median(ratios).toFixed(3)} (goal >= 0.8)`);
console.log(`CPU-per-request ratio per trial: ${cpuRatios.map((x) => x.toFixed(3)).join(', ')}; median ${median(cpuRatios).toFixed(3)}`);
console.log(`results: ${out}`);
process.exitCode = median(ratios) >= 0.8 ? 0 : 1;

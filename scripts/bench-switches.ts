// A run-level switch (--cache, --throttle, ...) compared fairly: a switch applies to a whole
// `bench run`, so its settings cannot share one run's interleaved trials the way targets do.
// This runs one trial of every setting per round (A B C A B C ...), so drift hits each alike,
// and reports each setting's medians over the rounds plus its ratio to the first setting,
// paired round by round (median and range of the per-round ratios).
//   node --import tsx scripts/bench-switches.ts ROUNDS SCENARIO 'SETTING' ['SETTING' ...] -- [bench run options]
// A SETTING is the flags that make it, as one argument ('' for none), e.g.
//   node --import tsx scripts/bench-switches.ts 5 cache-effect '--cache none' '--cache memory' '--cache redis' -- -t monolith-fastify -d 5 -w 2 --pin
// It runs the build (dist/: npx tsc first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Results, RunResult } from '../record/results.js';

const [roundsArg, scenario, ...rest] = process.argv.slice(2);
const dash = rest.indexOf('--');
const settings = dash < 0 ? rest : rest.slice(0, dash);
const common = dash < 0 ? [] : rest.slice(dash + 1);
const rounds = Number(roundsArg);
if (!Number.isInteger(rounds) || rounds < 1 || !scenario || settings.length < 1) {
  console.error("usage: bench-switches.ts ROUNDS SCENARIO 'SETTING' ['SETTING' ...] -- [bench run options]");
  process.exit(2);
}

const out = mkdtempSync(join(tmpdir(), 'archbench-switches-'));
type Row = { rps: number; p50: number; p99: number; cpu: number | null; extra?: Record<string, unknown> };
// rows[setting][target] = one row per round
const rows: Array<Map<string, Row[]>> = settings.map(() => new Map());
const args = (s: string) => (s.trim() === '' ? [] : s.trim().split(/\s+/));

for (let r = 1; r <= rounds; r++) {
  settings.forEach((setting, i) => {
    const dir = join(out, `s${i}-r${r}`);
    const run = spawnSync(process.execPath, ['bin/bench.js', 'run', scenario, ...args(setting), ...common, '--trials', '1', '-q', '-o', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    // Exit 1 may be a threshold (a limit below the load makes 429 errors on purpose): read the results anyway.
    if (run.status === 2 || run.status === null) throw new Error(`bench run ${setting} failed (exit ${run.status})`);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
    for (const run of results.runs as RunResult[]) {
      if (run.status !== 'ok' || !run.latencyMs) continue;
      const list = rows[i]!.get(run.target) ?? [];
      list.push({ rps: run.rps, p50: run.latencyMs.p50, p99: run.latencyMs.p99, cpu: run.cpuMsPerRequest, ...(run.extra ? { extra: run.extra } : {}) });
      rows[i]!.set(run.target, list);
    }
    process.stderr.write(`round ${r}/${rounds} ${setting || '(no switch)'}: done\n`);
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f = (x: number, d = 3) => x.toFixed(d);
const ratio = (a: number[], b: number[]) => {
  const r = a.map((x, k) => x / b[k]!);
  return `${f(median(r), 2)}x [${f(Math.min(...r), 2)}, ${f(Math.max(...r), 2)}]`;
};

console.log(`\n${scenario}, ${rounds} rounds, ${common.join(' ')}; medians over rounds, ratio to "${settings[0] || '(no switch)'}" paired by round [range]\n`);
console.log('| setting | target | req/s | p50 ms | p99 ms | CPU ms/req | CPU ratio | req/s ratio |');
console.log('|---|---|---|---|---|---|---|---|');
settings.forEach((setting, i) => {
  for (const [target, list] of rows[i]!) {
    const base = rows[0]!.get(target) ?? [];
    const n = Math.min(list.length, base.length);
    const cpu = list.map((x) => x.cpu ?? NaN);
    const baseCpu = base.map((x) => x.cpu ?? NaN);
    console.log(
      `| ${setting || '(none)'} | ${target} | ${f(median(list.map((x) => x.rps)), 0)} | ${f(median(list.map((x) => x.p50)), 2)} | ${f(median(list.map((x) => x.p99)), 2)} | ${f(median(cpu))} | ${i === 0 ? '1' : ratio(cpu.slice(0, n), baseCpu.slice(0, n))} | ${i === 0 ? '1' : ratio(list.slice(0, n).map((x) => x.rps), base.slice(0, n).map((x) => x.rps))} |`,
    );
  }
});
const extras = settings.flatMap((s, i) => [...rows[i]!].flatMap(([t, l]) => l.filter((x) => x.extra).map((x) => `${s || '(none)'} ${t}: ${JSON.stringify(x.extra)}`)));
if (extras.length) console.log(`\nextra (per round):\n${extras.join('\n')}`);
console.log(`\nrun folders: ${out}`);

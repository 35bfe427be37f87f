// The power of the two paired tests on this host's own noise: pools the per-round CPU log
// ratios of every A/A job in a scripts/bench-ab-gate.sh folder, then draws sequences of those
// pairs (with replacement), adds a known change to the head, and runs bench ab's sequential
// procedure on CPU per request alone (looks at alpha / looks, compare's 3% minimum effect)
// with each test.
// Reads results only: nothing runs against a server.
//   node --import tsx scripts/ab-gate-power.ts DIR [first=5] [cap=10] [draws=4000]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectableShift } from '../analysis/mde.js';
import { pairedTest, type PairedTest } from '../analysis/paired.js';
import { lookAnswer, planLooks, runSequential } from '../analysis/sequential.js';
import { seededRandom } from '../analysis/stats.js';
import type { Results } from '../record/results.js';

const [dir, firstArg, capArg, drawsArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: scripts/ab-gate-power.ts DIR [first=5] [cap=10] [draws=4000]');
const plan = planLooks(Number(firstArg ?? 5), Number(capArg ?? 10), 0.01);
const draws = Number(drawsArg ?? 4000);

const pool: number[] = [];
for (const name of readdirSync(dir).filter((n) => /^aa-\d+$/.test(n))) {
  const file = join(dir, name, 'results.json');
  if (!existsSync(file)) continue;
  const runs = (JSON.parse(readFileSync(file, 'utf8')) as Results).runs;
  for (const b of runs.filter((r) => r.target === 'base')) {
    const h = runs.find((r) => r.target === 'head' && r.trial === b.trial);
    if (b.cpuMsPerRequest && h?.cpuMsPerRequest) pool.push(Math.log(h.cpuMsPerRequest / b.cpuMsPerRequest));
  }
}
if (pool.length < 10) throw new Error(`${dir}: ${pool.length} A/A pairs; expected a bench-ab-gate.sh folder with aa-N runs`);
const sorted = [...pool].sort((a, b) => a - b);
const beyond = pool.filter((d) => Math.abs(d) > Math.log(1.025)).length;
console.log(`${pool.length} A/A pairs, ${beyond} beyond 2.5%, extremes ${(Math.expm1(sorted[0]!) * 100).toFixed(1)}% and +${(Math.expm1(sorted[sorted.length - 1]!) * 100).toFixed(1)}%; looks ${plan.looks.join(' -> ')} at alpha ${plan.lookAlpha.toPrecision(2)} each`);

for (const change of [0, 0.05, 0.1]) {
  const rand = seededRandom(1);
  const caught: Record<PairedTest, number> = { 'paired-t': 0, 'paired-yuen': 0 };
  for (let i = 0; i < draws; i++) {
    const d = Array.from({ length: plan.looks[plan.looks.length - 1]! }, () => pool[Math.floor(rand() * pool.length)]! + Math.log1p(change));
    for (const test of ['paired-t', 'paired-yuen'] as const) {
      const { answer } = runSequential(plan, (k) => {
        const t = pairedTest(test, d.slice(0, k).map((x) => [1, Math.exp(x)] as const));
        return lookAnswer(t.p, plan.lookAlpha, Math.expm1(detectableShift(t.se, t.df, plan.lookAlpha)), 0.03);
      });
      if (answer === 'DIFFERENT') caught[test]++;
    }
  }
  const pct = (n: number) => `${((n / draws) * 100).toFixed(1)}%`;
  console.log(`head +${(change * 100).toFixed(0)}%: paired-t ${pct(caught['paired-t'])}, paired-yuen ${pct(caught['paired-yuen'])} of ${draws} sequences answer DIFFERENT`);
}

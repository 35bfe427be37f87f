// The open model's send lag and percentile errors against the calibration server, alone (no
// closed cases, no peers): what `bench selftest` measures for its open cases, in a loop cheap
// enough to compare settings interleaved. Pinned like --pin (generator CPU 0, server CPU 1).
//   node --import tsx scripts/bench-open-lag.ts [seconds=4] [rate...=1000]
// It runs the build (dist/: npx tsc first), whose generator threads load as plain JS.
// Settings to compare go in the environment, e.g. ARCHBENCH_GENERATOR_NICE=0 (thread priority
// off) or NODE_OPTIONS=--max-semi-space-size=64 (young generation size); TAG labels the line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { placeProcesses } from '../dist/harness/placement.js';
import { summarizeMs } from '../dist/record/histogram.js';
import { EMPTY_SEED } from '../dist/runners/engine/context.js';
import { openRunner } from '../dist/runners/open/index.js';
import calibrationScenario from '../dist/scenarios/calibration.js';
import type { ExecutorConfig } from '../dist/scenarios/executor.js';
import { parseLatency } from '../dist/targets/calibration/latency-spec.js';
import type { CalibrationStats } from '../dist/targets/calibration/server.js';
import { RESET_PATH, STATS_PATH } from '../dist/targets/calibration/server.js';
import { calibrationTarget } from '../dist/targets/calibration/spec.js';
import { SELFTEST_LATENCY } from '../dist/harness/selftest.js';

const seconds = Number(process.argv[2] ?? 4);
const rates = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [1000];
const placement = placeProcesses(true);
const controller = new AbortController();
const dataDir = mkdtempSync(join(tmpdir(), 'archbench-open-lag-'));
const target = await calibrationTarget({ latency: parseLatency(SELFTEST_LATENCY) }).start({
  dataDir,
  host: '127.0.0.1',
  signal: controller.signal,
  readyTimeoutMs: 15_000,
  options: placement.targetCpus ? { cpus: placement.targetCpus } : {},
});
const executor = (rate: number, s: number): ExecutorConfig => ({ type: 'constant-arrival-rate', rate, timeUnit: '1s', duration: `${s}s`, preAllocatedVUs: 50, maxVUs: Math.max(100, Math.ceil(rate * 0.2)) });
const run = (e: ExecutorConfig) =>
  openRunner.run({ url: target.url, scenario: calibrationScenario, scenarioSource: calibrationScenario.name, executor: e, seed: EMPTY_SEED, runId: `lag${Date.now().toString(36)}`, timeoutMs: 10_000 }, controller.signal, {});
const stats = async (path: string) => (await (await fetch(target.url + path)).json()) as CalibrationStats;
const f = (x: number) => x.toFixed(3);
try {
  for (const rate of rates) {
    await run(executor(rate, 1)); // warm-up, not recorded
    await stats(RESET_PATH);
    const s = await run(executor(rate, seconds));
    const o = (await stats(STATS_PATH)).observedMs;
    const lag = summarizeMs(s.lag!)!;
    const m = summarizeMs(s.histogram)!;
    console.log(
      `${process.env.TAG ?? ''} rate ${rate}: lag p50/p99/p99.9 ${f(lag.p50)}/${f(lag.p99)}/${f(lag.p999)} ms; error vs server p50 ${f(m.p50 - o.p50)} p90 ${f(m.p90 - o.p90)} p99 ${f(m.p99 - o.p99)} p99.9 ${f(m.p999 - o.p999)} ms; dropped ${s.dropped}`,
    );
  }
} finally {
  await target.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

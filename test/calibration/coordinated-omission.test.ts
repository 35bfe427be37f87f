// The open runner against the calibration target (a real child process): latency must count
// from the intended send time. Two ways to stall: the server freezes, or the generator's own
// event loop is blocked. Measured from the actual send, the second would look like 2 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generatorHealth } from '../../harness/generator.js';
import { openRunner } from '../../runners/open/index.js';
import type { Sample } from '../../runners/runner.js';
import type { Scenario } from '../../scenarios/define.js';
import type { ExecutorConfig } from '../../scenarios/executor.js';
import { EMPTY_SEED } from '../../runners/engine/context.js';
import { parseLatency, type CalibrationSpec } from '../../targets/calibration/latency-spec.js';
import { calibrationTarget } from '../../targets/calibration/spec.js';
import type { RunningTarget } from '../../targets/target.js';

const scenario: Scenario = {
  name: 'co-test',
  description: 'test',
  requests: [{ name: 'GET /', weight: 1, request: () => ({ method: 'GET', path: '/' }) }],
  executor: { type: 'constant-vus', vus: 1, duration: '1s' },
};
const seed = EMPTY_SEED;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function start(spec: CalibrationSpec): Promise<RunningTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'co-test-'));
  const t = await calibrationTarget(spec).start({ dataDir, host: '127.0.0.1', signal: new AbortController().signal, readyTimeoutMs: 15_000, options: {} });
  cleanups.push(async () => {
    await t.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return t;
}

const run = (t: RunningTarget, executor: ExecutorConfig): Promise<Sample> =>
  openRunner.run({ url: t.url, scenario, executor, seed, runId: 'co-test', timeoutMs: 5000 }, new AbortController().signal, {});

function shareAbove(s: Sample, ms: number): number {
  let lo = 0;
  let hi = 100;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (s.histogram.getValueAtPercentile(mid) <= ms * 1000) lo = mid;
    else hi = mid;
  }
  return 1 - lo / 100;
}

describe('open runner: no coordinated omission', () => {
  it('a server stall shows in the open model as the truth says, and hides in the closed model', async () => {
    const spec = { latency: parseLatency('100%:2ms'), stall: { durationMs: 1000, atMs: 1000 } };
    const open = await run(await start(spec), { type: 'constant-arrival-rate', rate: 100, duration: '3s', preAllocatedVUs: 20, maxVUs: 300 });
    // Truth: arrivals in [1 s, 1.5 s) wait more than 500 ms: 1/6 of a 3 s run.
    expect(open.dropped).toBe(0);
    expect(shareAbove(open, 500)).toBeGreaterThan(0.12);
    expect(shareAbove(open, 500)).toBeLessThan(0.22);
    const closed = await run(await start(spec), { type: 'constant-vus', vus: 4, duration: '3s' });
    // The closed model sends nothing while it waits: only its 4 stuck requests were slow.
    expect(shareAbove(closed, 500)).toBeLessThan(0.02);
  });

  it('a blocked generator still counts from the intended send time, and is flagged', async () => {
    const t = await start({ latency: parseLatency('100%:1ms') });
    // Block this thread (the generator runs in-process here) for 300 ms, one second in.
    const blocker = setTimeout(() => {
      const until = performance.now() + 300;
      while (performance.now() < until);
    }, 1000);
    const s = await run(t, { type: 'constant-arrival-rate', rate: 200, duration: '2s', preAllocatedVUs: 20, maxVUs: 200 });
    clearTimeout(blocker);
    // ~60 arrivals were due during the block: from their intended time they took up to 300 ms.
    expect(s.histogram.getValueAtPercentile(99) / 1000).toBeGreaterThan(150);
    expect(s.lag!.maxValue / 1000).toBeGreaterThan(250);
    expect(generatorHealth(10, s.lag, 1).bound).toBe(true);
  });
});

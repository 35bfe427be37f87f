// runTrial between warm-up and measure: a Ctrl-C (or a target crash) during warm-up must not
// let the measured phase start.
import { describe, expect, it } from 'vitest';
import { runTrial, type TrialPlan } from '../../harness/run-trial.js';
import { BenchmarkEvents } from '../../harness/events.js';
import { Recorder } from '../../runners/engine/recorder.js';
import type { Runner } from '../../runners/runner.js';
import type { TargetSpec } from '../../targets/target.js';
import calibration from '../../scenarios/calibration.js';

function fakeSpec(): TargetSpec {
  return {
    name: 'fake',
    description: 'no process at all',
    axes: { topology: 'calibration', framework: 'none', lifecycle: 'persistent', workers: 1, storage: 'none' },
    start: async () => ({
      url: 'http://127.0.0.1:9',
      pids: () => [],
      exited: new Promise(() => undefined),
      stderrTail: () => [],
      stop: async () => undefined,
    }),
  };
}

describe('runTrial', () => {
  it('does not measure when the run was interrupted during warm-up', async () => {
    const outer = new AbortController();
    const calls: string[] = [];
    const runner: Runner = {
      name: 'fake',
      unsupported: () => null,
      describe: () => ({ model: 'closed', executor: 'constant-vus', runner: 'fake', description: 'fake' }),
      run: async (plan) => {
        calls.push(plan.executor.type === 'constant-vus' ? String(plan.executor.duration) : '?');
        // The first call is the warm-up: Ctrl-C arrives during it.
        if (calls.length === 1) outer.abort(new Error('interrupted'));
        return new Recorder(['GET /']).finish(0);
      },
    };
    const plan: TrialPlan = {
      spec: fakeSpec(),
      trial: 1,
      verify: false,
      scenario: { ...calibration, seed: undefined },
      executor: { type: 'constant-vus', vus: 1, duration: '7s' },
      runner,
      warmupMs: 1000,
      warmupLoad: 'scenario',
      allowRemote: false,
      host: '127.0.0.1',
      targetOptions: {},
      readyTimeoutMs: 1000,
      requestTimeoutMs: 1000,
    };
    const run = await runTrial(plan, new BenchmarkEvents(), outer.signal);
    expect(calls).toHaveLength(1);
    expect(run.status).toBe('interrupted');
  });
});

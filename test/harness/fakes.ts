// A target without a process and a runner without sockets: harness logic tested alone.
import type { TrialSettings } from '../../harness/plan.js';
import type { Runner } from '../../runners/runner.js';
import calibration from '../../scenarios/calibration.js';
import type { TargetSpec } from '../../targets/target.js';

export function fakeSpec(): TargetSpec {
  return {
    name: 'fake',
    description: 'no process at all',
    axes: { topology: 'calibration', framework: 'none', lifecycle: 'persistent', workers: 1, storage: 'none' },
    start: async () => ({ url: 'http://127.0.0.1:9', pids: () => [], exited: new Promise(() => undefined), stderrTail: () => [], stop: async () => undefined }),
  };
}

/** Trial settings around `run`; no seed, no warm-up unless warmupMs is given. */
export function fakeSettings(run: Runner['run'], warmupMs = 0): TrialSettings {
  return {
    scenario: { ...calibration, seed: undefined },
    executor: { type: 'constant-vus', vus: 1, duration: '1s' },
    runner: { name: 'fake', unsupported: () => null, describe: () => ({ model: 'closed', executor: 'constant-vus', runner: 'fake', description: 'fake' }), run },
    warmupMs,
    warmupLoad: 'scenario',
    allowRemote: false,
    host: '127.0.0.1',
    targetOptions: {},
    readyTimeoutMs: 1000,
    requestTimeoutMs: 1000,
  };
}

import { configDefaults, defineConfig } from 'vitest/config';

// Test files whose assertions depend on timing or on measured CPU: bounds on CPU per request,
// timer counts, stall shares, wall-clock limits, the gate's detection. Run in parallel with other
// files on the 2-core machine, they would fight for CPU and fail for reasons other than a defect,
// so they run one at a time, after the rest (group 1), with the few files that check machine-wide state. A new test file of that kind joins by
// its name (`*.timing.test.ts`) or by being listed here; everything else runs in parallel.
const SERIAL = [
  '**/*.timing.test.ts',
  'test/calibration/**/*.test.ts', // the measurement's own accuracy: lateness, coordinated omission
  'test/harness/gate*/**/*.test.ts', // the gate experiment: false-alarm and detection rates
  'test/e2e/ci-gate.test.ts', // the gate must see a 1 ms/request CPU regression over 5 trials
  'test/cli/serve-run.test.ts', // CPU per request within 10% of a known busy loop
  'test/cli/serve-php-fpm.test.ts', // FPM's repeated boot in CPU per request, at least 1.5 ms
  'test/harness/proc.test.ts', // CPU of a burning process tree, schedstat vs ticks within 40 ms
  'test/harness/generator-health.test.ts', // this thread's CPU over a 100 ms spin
  'test/targets/edge/tick.test.ts', // ticks counted per 2 s window, within 25%
  'test/targets/contracts/busy-work.test.ts', // CPU of a busy loop
  'test/runners/grpc/runner.test.ts', // a stall's share of p99, open vs closed model
  'test/runners/engine/h1-client.test.ts', // a 300 ms timeout fires within 1.5 s
  'test/runners/autocannon/abort.test.ts', // an abort ends the run within 5 s
  'test/lifecycle/wrap.test.ts', // a stop takes its 500 ms grace, under 2.5 s
  'test/lifecycle/command-target.test.ts', // a command must start and log within a 1.5 s ready timeout
  'test/lifecycle/shed-gone-clients.test.ts', // a live request's latency vs a cold start's
  'test/brokers/connection-drop.test.ts', // clients must reconnect within the run's drain time
  'test/switches/throttle.test.ts', // N allowed per window across 2 workers, exactly
  // Not timing, but global state another file changes while they run: a new `bench run` removes
  // the data folders of dead harnesses, which interrupt's SIGKILL case counts; broker conformance
  // lists the broker's names after stop(), which other micro targets' names would join.
  'test/cli/interrupt.test.ts',
  'test/brokers/conformance.test.ts', // 3,200 requests must fit in one 5 s rate-limit window
];

export default defineConfig({
  test: {
    // Each project names its own files: `extends: true` would add a root include to both.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Services the tests start run from dist/ (fresh: see test/global-build.ts), not through tsx.
    globalSetup: ['test/global-build.ts'],
    env: { ARCHBENCH_BUILT_CHILDREN: '1' },
    projects: [
      {
        extends: true,
        test: {
          name: 'parallel',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SERIAL],
          // Unit and functional integration tests: real servers, but no assertion on how fast.
          // Most of their wall time is waiting (start-ups, fixed load durations), so 3 files at a
          // time on 2 cores roughly halves it.
          maxWorkers: 3,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'serial',
          include: SERIAL,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

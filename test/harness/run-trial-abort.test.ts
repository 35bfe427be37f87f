// runTrial between warm-up and measure: a Ctrl-C (or a target crash) during warm-up must not
// let the measured phase start.
import { describe, expect, it } from 'vitest';
import { runTrial } from '../../harness/run-trial.js';
import { BenchmarkEvents } from '../../harness/events.js';
import { Recorder } from '../../runners/engine/recorder.js';
import { fakeSettings, fakeSpec } from './fakes.js';

describe('runTrial', () => {
  it('does not measure when the run was interrupted during warm-up', async () => {
    const outer = new AbortController();
    let calls = 0;
    const settings = fakeSettings(async () => {
      // The first call is the warm-up: Ctrl-C arrives during it.
      if (++calls === 1) outer.abort(new Error('interrupted'));
      return new Recorder(['GET /']).finish(0);
    }, 1000);
    const run = await runTrial({ ...settings, spec: fakeSpec(), trial: 1, verify: false }, new BenchmarkEvents(), outer.signal);
    expect(calls).toBe(1);
    expect(run.status).toBe('interrupted');
  });
});

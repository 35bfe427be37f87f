// results.partial.json snapshots: until the final write they say `running` (a SIGKILLed harness
// leaves a file that does not claim an ok run), and during a run they carry the run in progress.
import { describe, expect, it } from 'vitest';
import { runBenchmark } from '../../harness/benchmark.js';
import { BenchmarkEvents } from '../../harness/events.js';
import type { BenchmarkPlan } from '../../harness/plan.js';
import type { Results } from '../../record/results.js';
import { Recorder } from '../../runners/engine/recorder.js';
import { fakeSettings, fakeSpec } from './fakes.js';

describe('partial snapshots', () => {
  it('say running with the run in progress until the final one', async () => {
    const events = new BenchmarkEvents();
    const seen: Results[] = [];
    events.on('snapshot', (r) => seen.push(structuredClone(r)));
    const settings = fakeSettings(async (_plan, _signal, ev) => {
      ev.tick?.({ elapsedMs: 1000, totalMs: 2000, requests: 42, errors: 1, rps: 42 });
      // Long enough for a periodic snapshot mid-measure.
      await new Promise((r) => setTimeout(r, 3500));
      const rec = new Recorder(['GET /']);
      rec.response(0, 200, true, 1000);
      return rec.finish(1000);
    });
    const plan: BenchmarkPlan = { ...settings, targets: [fakeSpec()], trials: 1, verify: 'never', baseline: 'fake', command: ['bench'], recordedOptions: {}, placement: 'none', thresholds: [] };
    const final = await runBenchmark(plan, events, new AbortController().signal);
    expect(final.status).toBe('ok');
    expect(final.inProgress).toBeUndefined();
    const partial = seen.slice(0, -1);
    expect(partial.length).toBeGreaterThan(1);
    for (const s of partial) expect(s.status).toBe('running');
    expect(partial.some((s) => s.inProgress?.phase === 'measure' && s.inProgress.requests === 42 && s.runs.length === 0)).toBe(true);
    expect(seen.at(-1)!.status).toBe('ok');
  }, 20_000);
});

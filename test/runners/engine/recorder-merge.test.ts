// Generator threads send encoded recorders back; merging them must be exact.
import { describe, expect, it } from 'vitest';
import { Recorder } from '../../../runners/engine/recorder.js';

describe('recorder wire merge', () => {
  it('merging thread recorders equals recording everything in one', () => {
    const names = ['a', 'b'];
    const all = new Recorder(names);
    const parts = [new Recorder(names), new Recorder(names), new Recorder(names)];
    all.start(0);
    parts.forEach((p) => p.start(0));
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let n = 0; n < 30_000; n++) {
      const part = parts[n % 3]!;
      const latencyUs = Math.floor(50 + rnd() ** 3 * 900_000);
      const at = rnd() * 2999;
      const i = rnd() < 0.8 ? 0 : 1;
      const ok = rnd() > 0.01;
      for (const r of [all, part]) r.response(i, ok ? 200 : 503, ok, latencyUs, at);
      if (n % 1000 === 0) for (const r of [all, part]) r.drop();
    }
    const merged = new Recorder(names);
    merged.start(0);
    for (const p of parts) merged.absorb(p.toWire());
    const a = all.finish(3000);
    const m = merged.finish(3000);
    expect(m.requests).toBe(a.requests);
    expect(m.errorsByKind).toEqual(a.errorsByKind);
    expect(m.dropped).toBe(30);
    for (const p of [50, 90, 99, 99.9, 100]) expect(m.histogram.getValueAtPercentile(p)).toBe(a.histogram.getValueAtPercentile(p));
    expect(m.histogram.totalCount).toBe(a.histogram.totalCount);
    expect(m.byRequest.get('b')!.histogram.getValueAtPercentile(99)).toBe(a.byRequest.get('b')!.histogram.getValueAtPercentile(99));
    expect(m.timeline).toEqual(a.timeline);
  });
});

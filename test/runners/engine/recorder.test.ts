import { describe, expect, it } from 'vitest';
import { Recorder } from '../../../runners/engine/recorder.js';

describe('Recorder', () => {
  it('keeps unexpected statuses out of latency and counts errors by kind and request', () => {
    const r = new Recorder(['a', 'b']);
    r.start(0);
    r.response(0, 200, true, 1000, 100);
    r.response(1, 500, false, 5, 200);
    r.failure(-1, 'ECONNRESET', 1500);
    const s = r.finish(2000);
    expect(s.requests).toBe(2);
    expect(s.ok).toBe(1);
    expect(s.errors).toBe(2);
    expect(s.errorsByKind).toEqual({ http_500: 1, ECONNRESET: 1 });
    expect(s.histogram.totalCount).toBe(1);
    expect(s.byRequest.get('b')!.errors).toBe(1);
    expect(s.timeline).toHaveLength(2);
    expect(s.timeline[0]).toMatchObject({ t: 0, requests: 2, errors: 1 });
    expect(s.timeline[1]).toMatchObject({ t: 1, requests: 0, errors: 1, p50Ms: null });
  });
});

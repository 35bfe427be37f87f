// The selftest's judging, without the timing: the default mixture keeps every checked
// percentile inside a class, wrk's report parses, and a failure says which part and by how much.
import { describe, expect, it } from 'vitest';
import { PERCENTILES, SELFTEST_LATENCY, checkPercentile, failureLines, tolerance } from '../../harness/selftest.js';
import { parseWrk } from '../../harness/wrk.js';
import type { AccuracyCase } from '../../record/selftest.js';
import { DEFAULT_LATENCY, parseLatency } from '../../targets/calibration/latency-spec.js';

/** Distance, in percentile points, from p to the nearest class boundary of the mixture. */
function marginToBoundary(mix: string, p: number): number {
  let cum = 0;
  const bounds = parseLatency(mix).map((c) => (cum += c.pct));
  return Math.min(...bounds.slice(0, -1).map((b) => Math.abs(b - p)));
}

describe('selftest', () => {
  it("the default mixture puts no checked percentile on a class boundary (the calibration server's own mixture does)", () => {
    // p99.9 sits 0.4 points inside its 0.5% class; the rest several points inside theirs.
    for (const p of PERCENTILES) expect(marginToBoundary(SELFTEST_LATENCY, p), `p${p}`).toBeGreaterThanOrEqual(0.4);
    expect(Math.min(...PERCENTILES.map((p) => marginToBoundary(DEFAULT_LATENCY, p)))).toBe(0);
  });

  it('judges against the server-observed value with max(5%, 0.3 ms)', () => {
    const observed = { p50: 2.2, p90: 5.3, p99: 20.4, p999: 50.6, max: 51 };
    expect(tolerance(2.2)).toBe(0.3);
    expect(tolerance(20.4)).toBeCloseTo(1.02);
    expect(checkPercentile(50, 2.45, 2, observed)).toMatchObject({ truthMs: 2.2, ok: true });
    expect(checkPercentile(50, 2.55, 2, observed)).toMatchObject({ ok: false });
    expect(checkPercentile(99, 21.3, 20, observed)).toMatchObject({ ok: true });
    expect(checkPercentile(99.9, null, 50, observed)).toMatchObject({ ok: false, errorMs: null });
  });

  it('lists each failed judged percentile with its error and allowance, never a peer', () => {
    const observed = { p50: 2, p90: 5, p99: 20, p999: 50, max: 50 };
    const c = (generator: AccuracyCase['generator'], measured: number): AccuracyCase => ({
      name: 'open 1000/s',
      generator,
      judged: generator === 'engine',
      workload: '',
      requests: 1,
      dropped: 0,
      lagMs: null,
      checks: [checkPercentile(50, measured, 2, observed)],
      serverLateUsP99: 0,
    });
    expect(failureLines([c('engine', 2.9), c('wrk', 9)])).toEqual(['open 1000/s p50: measured 2.900 ms, server 2.000 ms (+0.900 ms, allowed 0.300 ms)']);
    expect(failureLines([c('engine', 2.1)])).toEqual([]);
  });

  it("parses wrk's --latency report, whatever the unit", () => {
    const out = `Running 2s test @ http://127.0.0.1:4000/
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.12ms    4.01ms  52.10ms   95.12%
    Req/Sec     2.50k   100.00     2.70k    70.00%
  Latency Distribution
     50%  850.00us
     75%    2.06ms
     90%    5.08ms
     99%    1.02s
  5012 requests in 2.00s, 400.00KB read
Requests/sec:   2506.00
`;
    expect(parseWrk(out)).toEqual({ requests: 5012, percentilesMs: { 50: 0.85, 75: 2.06, 90: 5.08, 99: 1020 } });
    expect(() => parseWrk('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/no latency distribution/);
  });
});

// The calibration server is the ground truth, so it is checked first: it hands out exactly the
// configured mixture, holds responses through a stall, and measures its own timer lateness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delayCycle, parseLatency, parseStall, releaseMs } from '../../targets/calibration/latency-spec.js';
import { RESET_PATH, STATS_PATH, startCalibrationServer, type CalibrationServer, type CalibrationStats } from '../../targets/calibration/server.js';
import { mixtureTruth, truthFor } from '../../targets/calibration/truth.js';

describe('calibration spec', () => {
  it('parses mixtures and stalls, and lists every problem', () => {
    expect(parseLatency('90%:2ms,9%:10ms,1%:50ms')).toEqual([
      { pct: 90, ms: 2 },
      { pct: 9, ms: 10 },
      { pct: 1, ms: 50 },
    ]);
    expect(parseStall('1s@3s')).toEqual({ durationMs: 1000, atMs: 3000 });
    expect(() => parseLatency('90%:2ms,5%:zz')).toThrow(/"5%:zz" is not PERCENT%:DURATION.*add up to 90%/);
    expect(() => parseStall('3s')).toThrow(/--stall "3s": expected DURATION@START/);
  });

  it('the cycle spreads every class: each prefix holds its share to within one request, each window to within two', () => {
    const latency = parseLatency('85%:2ms,10%:5ms,4.5%:20ms,0.5%:50ms');
    const cycle = delayCycle(latency);
    expect(cycle.length).toBe(1000);
    for (const c of latency) {
      expect(cycle.filter((ms) => ms === c.ms).length).toBe((c.pct * 1000) / 100);
      let seen = 0;
      for (let n = 1; n <= 2500; n++) {
        if (cycle[(n - 1) % 1000] === c.ms) seen++;
        expect(Math.abs(seen - (c.pct / 100) * n)).toBeLessThanOrEqual(1);
      }
      // Any 500 consecutive requests (a short run starting anywhere in the cycle) see each class.
      for (let start = 0; start < 1000; start += 37) {
        let inWindow = 0;
        for (let i = 0; i < 500; i++) if (cycle[(start + i) % 1000] === c.ms) inWindow++;
        expect(Math.abs(inWindow - (c.pct / 100) * 500)).toBeLessThanOrEqual(2);
      }
    }
    expect(mixtureTruth({ latency: parseLatency('90%:2ms,9%:10ms,1%:50ms') }, [50, 90, 99, 99.9])).toEqual({ '50': 2, '90': 2, '99': 10, '99.9': 50 });
  });

  it('the stall truth: a frozen second in a 6 s run delays 1/6 of arrivals, 1/12 by more than 500 ms', () => {
    const spec = { latency: parseLatency('100%:2ms'), stall: { durationMs: 1000, atMs: 3000 } };
    expect(releaseMs({ cycle: delayCycle(spec.latency), stall: spec.stall }, 0, 2999)).toBe(4000);
    const arrivals = Array.from({ length: 1200 }, (_, i) => i * 5);
    const t = truthFor(spec, arrivals, [50, 99], [500, 10]);
    expect(t.slowerThan['10']).toBeCloseTo(1 / 6, 2);
    expect(t.slowerThan['500']).toBeCloseTo(1 / 12, 2);
    expect(t.percentiles['50']).toBe(2);
  });
});

describe('calibration server', () => {
  let server: CalibrationServer;
  beforeAll(async () => {
    server = await startCalibrationServer({ latency: parseLatency('90%:2ms,9%:10ms,1%:50ms') }, { host: '127.0.0.1', port: 0 });
  });
  afterAll(() => server.close());

  it('hands out exactly the mixture and answers on time (its own lateness, measured)', async () => {
    await fetch(server.url + RESET_PATH);
    // 10 concurrent clients, 300 requests: three full cycles.
    let next = 0;
    const client = async () => {
      while (next < 300) {
        next++;
        const res = await fetch(server.url + '/anything');
        expect(res.status).toBe(200);
        await res.text();
      }
    };
    await Promise.all(Array.from({ length: 10 }, client));
    const stats = (await (await fetch(server.url + STATS_PATH)).json()) as CalibrationStats;
    expect(stats.served).toBe(300);
    // Exact up to HdrHistogram's 3 significant digits.
    const { p50, p90, p99, p999 } = stats.intendedMs;
    expect([p50, p90, p99, p999].map((x) => Math.round(x))).toEqual([2, 2, 10, 50]);
    // Its lateness is measured and reported (bench selftest prints it); here, in one process with
    // the clients on a shared 2-core box, only gross failures (a lost wake-up) are asserted.
    expect(stats.lateUs.p50).toBeGreaterThan(0);
    expect(stats.lateUs.p50).toBeLessThan(50_000);
    expect(stats.lateUs.max).toBeGreaterThanOrEqual(stats.lateUs.p99);
  });
});

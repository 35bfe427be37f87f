// The calibration server: every request is answered after a delay drawn from a known
// distribution (and held through a configured stall), so a load generator's numbers can be
// checked against the truth. It also measures itself: how late each response left compared
// with its intended release (GET /__calibration/stats), so the test knows the server is exact.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { createHistogram, type Histogram } from '../../record/histogram.js';
import { delayCycle, releaseMs, type CalibrationSpec } from './latency-spec.js';
import { PreciseWake, monoMs } from '../../common/precise-wake.js';
import { ReleaseQueue } from './release-queue.js';

export const STATS_PATH = '/__calibration/stats';
export const RESET_PATH = '/__calibration/reset';

export interface CalibrationStats {
  served: number;
  pending: number;
  /** How late responses left after their intended release, microseconds. */
  lateUs: { p50: number; p99: number; max: number };
  /** Intended delays handed out (release minus arrival), ms. */
  intendedMs: PercentilesMs;
  /**
   * What the server actually did: response written minus request arrival, ms. The truth a
   * generator should match: the intended delay plus this server's own timer lateness.
   */
  observedMs: PercentilesMs;
}

export interface PercentilesMs {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

export interface CalibrationServer {
  host: string;
  port: number;
  url: string;
  stats(): CalibrationStats;
  close(): Promise<void>;
}

const BODY = Buffer.from('{"ok":true}');
// Stalls may last minutes: the truth record's range reaches an hour.
const newHistogram = () => createHistogram(3_600_000_000);

export async function startCalibrationServer(spec: CalibrationSpec, opts: { host: string; port: number }): Promise<CalibrationServer> {
  const cycle = delayCycle(spec.latency);
  const rule = { cycle, ...(spec.stall ? { stall: spec.stall } : {}) };
  const queue = new ReleaseQueue();
  let late = newHistogram();
  let intended = newHistogram();
  let observed = newHistogram();
  let served = 0;
  let n = 0;
  // The stall's clock starts at the first request (after a reset).
  let originMs: number | undefined;

  const flush = () => {
    const now = monoMs();
    for (let p = queue.peek(); p && p.releaseMs <= now; p = queue.peek()) {
      queue.pop();
      p.send();
      late.recordValue(Math.max(1, Math.round((now - p.releaseMs) * 1000)));
      intended.recordValue(Math.max(1, Math.round((p.releaseMs - p.arrivalMs) * 1000)));
      observed.recordValue(Math.max(1, Math.round((monoMs() - p.arrivalMs) * 1000)));
      served++;
    }
    const next = queue.peek();
    if (next) wake.at(next.releaseMs);
  };
  const wake = new PreciseWake(flush);

  const stats = (): CalibrationStats => {
    const ms = (us: number) => Math.round(us) / 1000;
    const percentiles = (h: Histogram): PercentilesMs => ({
      p50: ms(h.getValueAtPercentile(50)),
      p90: ms(h.getValueAtPercentile(90)),
      p99: ms(h.getValueAtPercentile(99)),
      p999: ms(h.getValueAtPercentile(99.9)),
      max: ms(h.maxValue),
    });
    return {
      served,
      pending: queue.size,
      lateUs: { p50: late.getValueAtPercentile(50), p99: late.getValueAtPercentile(99), max: late.maxValue },
      intendedMs: percentiles(intended),
      observedMs: percentiles(observed),
    };
  };

  const server: Server = createServer((req, res) => {
    const arrival = monoMs();
    if (req.url === STATS_PATH || req.url === RESET_PATH) {
      if (req.url === RESET_PATH) {
        late = newHistogram();
        intended = newHistogram();
        observed = newHistogram();
        served = 0;
        n = 0;
        originMs = undefined;
      }
      const body = JSON.stringify(stats());
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    // The body (if any) is not needed; let it drain.
    req.resume();
    originMs ??= arrival;
    const release = originMs + releaseMs(rule, n++, arrival - originMs);
    queue.push({
      releaseMs: release,
      arrivalMs: arrival,
      send: () => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': BODY.length });
        res.end(BODY);
      },
    });
    if (queue.peek()!.releaseMs === release) wake.at(release);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(opts.port, opts.host);
  await once(server, 'listening');
  const addr = server.address() as AddressInfo;
  const host = addr.address;
  return {
    host,
    port: addr.port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`,
    stats,
    close: async () => {
      await wake.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

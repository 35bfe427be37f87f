// How much of a core the machine itself takes away (jHiccup's idea, for a load generator): a
// thread on the generator's cores, at the generator's priority, does nothing but read the clock
// for a while and keeps every gap longer than GAP_US. An arrival due inside a gap cannot be sent
// before the gap ends, whatever the generator does, so the gaps give the send lag a perfect
// generator would have on this machine at this moment: the floor the open model is judged against.
import { Worker } from 'node:worker_threads';
import { generatorNice } from '../common/thread-priority.js';

export const GAP_US = 20;

export interface HostPauses {
  durationMs: number;
  /** Share of the probe's time lost in gaps longer than GAP_US. */
  pausedShare: number;
  longestMs: number;
  /** Send lag of a perfect generator (arrivals at uniformly random times), ms. */
  lagFloorMs: { p99: number; p999: number };
}

// Plain JS, evaluated in the probe thread (works from sources and from dist/).
const PROBE = `
const { workerData, parentPort } = require('node:worker_threads');
if (workerData.nice) { try { require('node:os').setPriority(workerData.nice); } catch {} }
const now = () => Number(process.hrtime.bigint()) / 1e6;
const gaps = [];
const end = now() + workerData.durationMs;
let last = now();
while (last < end) {
  const t = now();
  if (t - last > workerData.gapMs) gaps.push(t - last);
  last = t;
}
parentPort.postMessage(gaps);
`;

/** Spins one thread for `durationMs` and summarises the gaps it saw. */
export async function probeHostPauses(durationMs: number): Promise<HostPauses> {
  const worker = new Worker(PROBE, { eval: true, workerData: { durationMs, gapMs: GAP_US / 1000, nice: generatorNice() } });
  const gaps = await new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  return summarizePauses(gaps, durationMs);
}

export function summarizePauses(gaps: number[], durationMs: number): HostPauses {
  const lost = gaps.reduce((s, g) => s + g, 0);
  return {
    durationMs,
    pausedShare: lost / durationMs,
    longestMs: gaps.reduce((m, g) => Math.max(m, g), 0),
    lagFloorMs: { p99: lagQuantile(gaps, durationMs, 0.99), p999: lagQuantile(gaps, durationMs, 0.999) },
  };
}

/**
 * The q-quantile of the delay of an arrival at a uniformly random time: it lands in gap g with
 * probability g / duration and then waits the rest of the gap, so P(delay > x) =
 * sum(max(0, g - x)) / duration, which falls as x grows; solved by bisection.
 */
export function lagQuantile(gaps: number[], durationMs: number, q: number): number {
  const above = (x: number) => gaps.reduce((s, g) => s + Math.max(0, g - x), 0) / durationMs;
  if (above(0) <= 1 - q) return 0;
  let lo = 0;
  let hi = gaps.reduce((m, g) => Math.max(m, g), 0);
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (above(mid) > 1 - q) lo = mid;
    else hi = mid;
  }
  return hi;
}

// Background ticks (Octane::tick, issue 17 item 5): every periodMs, cpuMs of CPU work, either
// inside a serving worker (it competes with requests for that event loop) or in a process of
// its own (the OS schedules it beside the workers). Each tick appends "pid wallMs cpuMs" to a
// log file, so a test can count ticks and see which process ran them.
import { fork, type ChildProcess } from 'node:child_process';
import { appendFile } from 'node:fs';
import cluster from 'node:cluster';
import { once } from 'node:events';
import { z } from 'zod';
import { TICK_PLACEMENTS, type TickPlacement } from '../edge/switches.js';

export const tickConfigSchema = z.strictObject({
  periodMs: z.number().positive(),
  cpuMs: z.number().positive(),
  in: z.enum(TICK_PLACEMENTS),
  /** Tick log, appended to. */
  log: z.string().min(1),
});
export type TickConfig = z.infer<typeof tickConfigSchema>;

/**
 * The tick's work: totals over synthetic billing rows for cpuMs (a stand-in for aggregating
 * billing totals whose cost is known exactly, whatever the data seeded).
 */
export function aggregateTotals(cpuMs: number): number {
  const end = process.hrtime.bigint() + BigInt(Math.round(cpuMs * 1e6));
  let total = 0;
  let row = 0;
  while (process.hrtime.bigint() < end) {
    for (let i = 0; i < 256; i++, row++) total = (total + ((row * 2654435761) % 100_000)) % 1e12;
  }
  return total;
}

/** Run ticks in this process until the returned stop is called. */
export function runTicks(cfg: Pick<TickConfig, 'periodMs' | 'cpuMs' | 'log'>): () => void {
  const timer = setInterval(() => {
    const t0 = performance.now();
    aggregateTotals(cfg.cpuMs);
    appendFile(cfg.log, `${process.pid} ${Date.now()} ${(performance.now() - t0).toFixed(2)}\n`, () => undefined);
  }, cfg.periodMs);
  return () => clearInterval(timer);
}

/**
 * Whether this process starts the tick: in-worker ticks run in one worker only (cluster worker
 * 1, or the single process), a separate tick process is forked once by the primary (or the
 * single process); either way the same work is done once per period.
 */
export function tickRunsHere(placement: TickPlacement, workers: number): boolean {
  if (placement === 'process') return !cluster.isWorker;
  return workers === 1 || cluster.worker?.id === 1;
}

export interface RunningTick {
  /** The PID running the ticks. */
  pid: number;
  close(): Promise<void>;
}

const TICK_ENTRY = new URL('./tick-main.js', import.meta.url);

export async function startTick(cfg: TickConfig): Promise<RunningTick> {
  if (cfg.in === 'worker') {
    const stop = runTicks(cfg);
    return { pid: process.pid, close: async () => stop() };
  }
  // A child of this service process: inside the target's process group and /proc tree, so
  // the harness stops it and counts its CPU like the workers'.
  const child: ChildProcess = fork(TICK_ENTRY, [JSON.stringify(cfg)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await once(child, 'spawn');
  return {
    pid: child.pid!,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}

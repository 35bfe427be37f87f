// The generator's own health: if it was saturated, the run measured the generator, not the target.
// Flagged per thread: the process's CPU averaged over its threads let one saturated thread hide
// behind idle ones (and the harness's main thread counted in that average too).
import type { GeneratorHealth } from '../record/results.js';
import { summarizeMs, type Histogram } from '../record/histogram.js';
import { threadCpuMs, threadCpuPct } from '../runners/engine/thread-cpu.js';

export const GENERATOR_CPU_LIMIT_PCT = 90;
export const GENERATOR_LAG_P99_LIMIT_MS = 1;

export class GeneratorMeter {
  #cpu = process.cpuUsage();
  #wall = performance.now();
  #mainThread = threadCpuMs();

  start(): void {
    this.#cpu = process.cpuUsage();
    this.#wall = performance.now();
    this.#mainThread = threadCpuMs();
  }

  /** CPU of the harness process (all its threads) since start, % of one core. */
  // process.cpuUsage counts every thread of the process, generator worker threads included.
  cpuPct(): number {
    const d = process.cpuUsage(this.#cpu);
    const wallMs = performance.now() - this.#wall;
    return wallMs > 0 ? ((d.user + d.system) / 1000 / wallMs) * 100 : 0;
  }

  /** CPU of the harness's main thread alone since start (the autocannon runner's only thread). */
  mainThreadPct(): number | null {
    return threadCpuPct(this.#mainThread, performance.now() - this.#wall);
  }
}

/**
 * perThreadCpuPct: main thread first, then the generator's worker threads. Without it (no
 * per-thread clock), the process's CPU spread over its threads is the best guess left.
 */
export function generatorHealth(cpuPct: number, lag?: Histogram, threads?: number, perThreadCpuPct?: number[]): GeneratorHealth {
  const reasons: string[] = [];
  if (perThreadCpuPct?.length) {
    perThreadCpuPct.forEach((pct, i) => {
      if (pct > GENERATOR_CPU_LIMIT_PCT) reasons.push(`generator ${i === 0 ? 'main thread' : `thread ${i}`} CPU ${pct.toFixed(0)}% of a core (limit ${GENERATOR_CPU_LIMIT_PCT}%)`);
    });
  } else {
    const perThreadPct = cpuPct / Math.max(1, threads ?? 1);
    if (perThreadPct > GENERATOR_CPU_LIMIT_PCT) reasons.push(`generator CPU ${perThreadPct.toFixed(0)}% of a core (limit ${GENERATOR_CPU_LIMIT_PCT}%)`);
  }
  const lagMs = lag ? summarizeMs(lag) : undefined;
  if (lagMs && lagMs.p99 > GENERATOR_LAG_P99_LIMIT_MS) {
    reasons.push(`send schedule slipped: lag p99 ${lagMs.p99} ms (limit ${GENERATOR_LAG_P99_LIMIT_MS} ms)`);
  }
  return {
    cpuPct: Math.round(cpuPct * 10) / 10,
    bound: reasons.length > 0,
    reasons,
    ...(lagMs !== undefined ? { lagMs } : {}),
    ...(threads ? { threads } : {}),
    ...(perThreadCpuPct?.length ? { perThreadCpuPct } : {}),
  };
}

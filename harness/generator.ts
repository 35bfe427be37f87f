// The generator's own health: if it was saturated, the run measured the generator, not the target.
import type { GeneratorHealth } from '../record/results.js';
import { summarizeMs, type Histogram } from '../record/histogram.js';

export const GENERATOR_CPU_LIMIT_PCT = 90;
export const GENERATOR_LAG_P99_LIMIT_MS = 1;

export class GeneratorMeter {
  #cpu = process.cpuUsage();
  #wall = performance.now();

  start(): void {
    this.#cpu = process.cpuUsage();
    this.#wall = performance.now();
  }

  /** CPU of the harness process (all its threads) since start, % of one core. */
  // process.cpuUsage counts every thread of the process, generator worker threads included.
  cpuPct(): number {
    const d = process.cpuUsage(this.#cpu);
    const wallMs = performance.now() - this.#wall;
    return wallMs > 0 ? ((d.user + d.system) / 1000 / wallMs) * 100 : 0;
  }
}

export function generatorHealth(cpuPct: number, lag?: Histogram, threads?: number): GeneratorHealth {
  const reasons: string[] = [];
  const perThreadPct = cpuPct / Math.max(1, threads ?? 1);
  if (perThreadPct > GENERATOR_CPU_LIMIT_PCT) {
    reasons.push(`generator CPU ${perThreadPct.toFixed(0)}% of a core (limit ${GENERATOR_CPU_LIMIT_PCT}%)`);
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
  };
}

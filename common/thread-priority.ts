// The generator's threads ask the kernel for a higher priority (a lower nice value), so that
// the machine's other work (brokers, databases, kernel threads, the harness's own main thread)
// preempts a send less often. On Linux, setpriority() with pid 0 applies to the calling thread
// only. Measured (docs/measurement.md, scripts/bench-open-lag.ts with ARCHBENCH_GENERATOR_NICE=0
// against the default): no difference in send lag the noise of the development VM lets us see;
// kept because the wake-up sleepers and the host-pause probe share it and it costs nothing. Without
// CAP_SYS_NICE (not root) the call fails and the thread keeps its priority: nothing else changes.
import os from 'node:os';

/** ARCHBENCH_GENERATOR_NICE overrides; 0 leaves priorities alone. */
export const GENERATOR_NICE_ENV = 'ARCHBENCH_GENERATOR_NICE';
export const DEFAULT_GENERATOR_NICE = -10;

export function generatorNice(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[GENERATOR_NICE_ENV];
  if (raw === undefined || raw === '') return DEFAULT_GENERATOR_NICE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < -20 || n > 19) throw new Error(`${GENERATOR_NICE_ENV} must be an integer from -20 to 19, got "${raw}"`);
  return n;
}

/** Sets the calling thread's nice value; returns whether it took effect. */
export function raiseThreadPriority(nice = generatorNice()): boolean {
  if (nice === 0) return false;
  try {
    os.setPriority(nice);
    return true;
  } catch {
    return false;
  }
}

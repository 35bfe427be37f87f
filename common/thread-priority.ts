// The generator's threads ask the kernel for a higher priority (a lower nice value), so that
// the machine's other work (brokers, databases, kernel threads, the harness's own main thread)
// preempts a send less often. On Linux, setpriority() with pid 0 applies to the calling thread
// only. Measured here: a thread spinning on one core lost 530 ms of 3 s to pauses longer than
// 50 us at nice 0, 301 ms at nice -20, the longest pause 15.7 ms against 3.4 ms. Without
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

// CPU time of the calling thread alone, from /proc/thread-self/schedstat (the scheduler's
// nanosecond clock). Node 20 has no process.threadCpuUsage (23+), process.cpuUsage() sums every
// thread, and eventLoopUtilization() counts time blocked in the loop, not CPU: so a saturated
// generator thread hides behind idle ones. Null where the kernel gives no such file.
import { readFileSync } from 'node:fs';

export function threadCpuMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** % of one core the calling thread used since `fromMs` (a threadCpuMs() reading), over wallMs. */
export function threadCpuPct(fromMs: number | null, wallMs: number): number | null {
  const now = threadCpuMs();
  return fromMs === null || now === null || wallMs <= 0 ? null : Math.round(((now - fromMs) / wallMs) * 1000) / 10;
}

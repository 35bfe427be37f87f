// Known, adjustable per-request cost (config `injectCpuUs`), used to check that the regression
// gate catches a slowdown of a known size. Every edge calls the same function.
//
// The spin counts CPU time, not wall time: spinning until a wall-clock deadline burned less CPU
// whenever the thread was preempted mid-spin (on a busy 2-core machine, often), so the planted
// slowdown came out smaller and noisier than asked. A CPU-time deadline burns the asked
// microseconds of CPU whatever the scheduler does. The thread's own clock where Node has it
// (process.threadCpuUsage, Node 23.9+), else the process's, which on these single-threaded
// edges is the same thread plus the odd GC helper tick (which then counts toward the budget).

type CpuClock = () => number;

const threadUsage = (process as unknown as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage;

/** Microseconds of CPU (user + system) consumed so far by this thread, or by the process. */
export const cpuNowUs: CpuClock = threadUsage
  ? () => {
      const u = threadUsage.call(process);
      return u.user + u.system;
    }
  : () => {
      const u = process.cpuUsage();
      return u.user + u.system;
    };

/** Spin until `us` microseconds of wall time have passed (hrtime: ~50 ns a read). */
function spinWall(us: number): void {
  const end = process.hrtime.bigint() + BigInt(Math.round(us * 1000));
  while (process.hrtime.bigint() < end) {
    // busy
  }
}

/** What one read of the CPU clock costs, in microseconds (a getrusage call: 0.3-3 us here). */
function readCostUs(clock: CpuClock): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 200; i++) clock();
  return Number(process.hrtime.bigint() - t0) / 1000 / 200;
}

let cachedReadCost: number | undefined;

/**
 * Spin the CPU (no sleeping: the cost must show up as CPU time) until `us` microseconds of CPU
 * have been spent: spin on the cheap wall clock for what is left, then ask the CPU clock what was
 * really spent and spin again for any shortfall (time the thread lost to preemption). Reading
 * the CPU clock costs more than the wall clock (a system call), so it is read once per round,
 * and the one read's own cost, spent but not seen by the delta, is taken off the target.
 */
export function burnCpu(us: number, clock: CpuClock = cpuNowUs): void {
  const readCost = clock === cpuNowUs ? (cachedReadCost ??= readCostUs(clock)) : 0;
  const start = clock();
  let left = us - readCost;
  while (left > 0.5) {
    spinWall(left);
    left = us - readCost - (clock() - start);
  }
}

/** A per-request hook, or undefined when there is nothing to burn (no hook, no overhead). */
export function cpuBurner(injectCpuUs: number | undefined): (() => void) | undefined {
  if (injectCpuUs === undefined || injectCpuUs === 0) return undefined;
  if (!Number.isInteger(injectCpuUs) || injectCpuUs < 0) {
    throw new Error(`injectCpuUs must be an integer >= 0, got ${injectCpuUs}`);
  }
  return () => burnCpu(injectCpuUs);
}

// Known, adjustable per-request cost (config `injectCpuUs`), used to check that the regression
// gate catches a slowdown of a known size. Every edge calls the same function.

/** Spin the CPU (no sleeping: the cost must show up as CPU time) for `us` microseconds. */
export function burnCpu(us: number): void {
  const end = process.hrtime.bigint() + BigInt(Math.round(us * 1000));
  while (process.hrtime.bigint() < end) {
    // busy
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

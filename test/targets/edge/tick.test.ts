// --tick PERIOD:CPU runs at its period, and --tick-in decides the process that runs it: the
// serving process itself, or a separate child of it (a real, different PID in the target's tree).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childrenOf } from '../../helpers/cli.js';
import { startEdge } from './start-edge.js';

const PERIOD_MS = 50;
const CPU_MS = 2;

function ticks(dataDir: string): Array<{ pid: number; atMs: number; cpuMs: number }> {
  const file = join(dataDir, 'tick.log');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' ').map(Number))
    .map(([pid, atMs, cpuMs]) => ({ pid: pid!, atMs: atMs!, cpuMs: cpuMs! }));
}

describe.each(['worker', 'process'] as const)('tick in %s', (placement) => {
  it(`runs every ${PERIOD_MS} ms for ${CPU_MS} ms, in the ${placement === 'worker' ? 'serving process' : 'separate process'}`, async () => {
    const t = await startEdge('fastify', { tick: { periodMs: PERIOD_MS, cpuMs: CPU_MS }, tickIn: placement });
    try {
      const [server] = t.target.pids();
      await new Promise((r) => setTimeout(r, 300));
      const before = ticks(t.dataDir).length;
      const windowMs = 2000;
      await new Promise((r) => setTimeout(r, windowMs));
      const seen = ticks(t.dataDir);
      const counted = seen.length - before;
      // 40 expected; timers on a shared 2-core machine drift, so within 25%.
      expect(counted).toBeGreaterThanOrEqual((windowMs / PERIOD_MS) * 0.75);
      expect(counted).toBeLessThanOrEqual((windowMs / PERIOD_MS) * 1.1 + 1);
      for (const s of seen) expect(s.cpuMs).toBeGreaterThanOrEqual(CPU_MS * 0.95);
      const pids = new Set(seen.map((s) => s.pid));
      expect(pids.size).toBe(1);
      const [tickPid] = [...pids];
      if (placement === 'worker') expect(tickPid).toBe(server);
      else {
        expect(tickPid).not.toBe(server);
        expect(childrenOf(server!)).toContain(tickPid);
      }
    } finally {
      await t.stop();
    }
  });
});

// workers: N persistent processes sharing one port through node:cluster (the primary accepts
// and hands connections round-robin). The primary is the harness's child; workers are its
// children, so the harness's process-group stop and /proc tree sampling cover them.
import cluster, { type Worker } from 'node:cluster';
import type { ChildServer } from './child.js';
import { relayCacheStats } from './cache-stats.js';

const WORKER_STOP_GRACE_MS = 3000;

/** True in the process that should fork workers instead of serving. */
export function isClusterPrimary(workers: number): boolean {
  return workers > 1 && cluster.isPrimary;
}

/**
 * Fork `n` workers running this same entry module; resolve when every one reported ready
 * (serveChild sends {type:'ready'} to its parent: here, to us). A worker that dies
 * afterwards takes the primary down, which the harness sees as a crash.
 */
export async function forkWorkers(n: number, readyTimeoutMs: number): Promise<ChildServer> {
  const workers: Worker[] = [];
  let stopping = false;
  const ready = (w: Worker) =>
    new Promise<{ host: string; port: number }>((resolve, reject) => {
      w.on('message', (m: unknown) => {
        const r = m as { type?: unknown; host?: unknown; port?: unknown };
        if (r?.type === 'ready' && typeof r.host === 'string' && typeof r.port === 'number') resolve({ host: r.host, port: r.port });
      });
      w.once('exit', (code, signal) => reject(new Error(`worker ${w.id} exited during start-up (code ${code}, signal ${signal})`)));
    });
  for (let i = 0; i < n; i++) workers.push(cluster.fork());
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`workers not ready within ${readyTimeoutMs} ms`)), readyTimeoutMs);
  });
  let addrs: Array<{ host: string; port: number }>;
  try {
    addrs = await Promise.race([Promise.all(workers.map(ready)), timeout]);
  } catch (err) {
    for (const w of workers) w.process.kill('SIGKILL');
    throw err;
  } finally {
    clearTimeout(timer);
  }
  relayCacheStats(workers);
  const ports = new Set(addrs.map((a) => a.port));
  if (ports.size !== 1) throw new Error(`workers listen on different ports: ${[...ports].join(', ')}`);
  for (const w of workers) {
    w.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`worker ${w.id} (pid ${w.process.pid}) died (code ${code}, signal ${signal}); stopping`);
      process.exit(1);
    });
  }
  return {
    host: addrs[0]!.host,
    port: addrs[0]!.port,
    close: async () => {
      stopping = true;
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              const kill = setTimeout(() => w.process.kill('SIGKILL'), WORKER_STOP_GRACE_MS);
              w.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              // Disconnect = the worker's dead-man's switch: it closes its server and exits.
              w.disconnect();
            }),
        ),
      );
    },
  };
}

// Harness side of the event accounting: asks every users and billing process for its counters
// over IPC (targets/services/event-stats.ts) and sums them. Histograms stay encoded, one per
// process: the harness merges them with the rest of its HDR histograms.
import type { ServiceProcess } from '../lifecycle/spawn.js';
import type { EventStatsReply, EventStatsRequest, ProcessEventStats } from '../services/event-stats.js';
import type { EventStatsSource, TargetEventStats } from '../target.js';

const REPLY_TIMEOUT_MS = 5000;

let nextId = 1;

function ask(p: ServiceProcess, resetFromMs?: number): Promise<ProcessEventStats> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const off = p.onMessage((m) => {
      const reply = m as Partial<EventStatsReply> | null;
      if (reply?.type !== 'event-stats' || reply.id !== id || !reply.stats) return;
      clearTimeout(timer);
      off();
      resolve(reply.stats);
    });
    const timer = setTimeout(() => {
      off();
      reject(new Error(`${p.name} did not report its event counters within ${REPLY_TIMEOUT_MS} ms`));
    }, REPLY_TIMEOUT_MS);
    const req: EventStatsRequest = { type: 'event-stats-request', id, ...(resetFromMs === undefined ? {} : { resetFromMs }) };
    if (!p.send(req)) {
      clearTimeout(timer);
      off();
      reject(new Error(`${p.name} has no IPC channel`));
    }
  });
}

function sum(parts: Array<{ process: string; stats: ProcessEventStats }>): TargetEventStats {
  const total: TargetEventStats = { published: 0, publishFailed: 0, consumed: 0, duplicates: 0, redelivered: 0, latencyHistograms: [], outages: [] };
  for (const { process, stats } of parts) {
    total.published += stats.published;
    total.publishFailed += stats.publishFailed;
    total.consumed += stats.consumed;
    total.duplicates += stats.duplicates;
    total.redelivered += stats.redelivered;
    if (stats.latencyHistogram) total.latencyHistograms.push(stats.latencyHistogram);
    for (const o of stats.outages) total.outages.push({ process, ...o });
  }
  return total;
}

export function backendEventStats(backends: readonly ServiceProcess[]): EventStatsSource {
  const all = async (resetFromMs?: number) => sum(await Promise.all(backends.map(async (p) => ({ process: p.name, stats: await ask(p, resetFromMs) }))));
  return {
    reset: async (fromMs) => {
      await all(fromMs);
    },
    read: () => all(),
  };
}

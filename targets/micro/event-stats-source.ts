// Harness side of the event accounting: asks every users and billing process for its counters
// over IPC (targets/services/event-stats.ts) and sums them. Histograms stay encoded, one per
// process: the harness merges them with the rest of its HDR histograms.
import { askProcess } from '../lifecycle/ipc-ask.js';
import type { ServiceProcess } from '../lifecycle/spawn.js';
import type { EventStatsRequest, ProcessEventStats } from '../services/event-stats.js';
import type { EventStatsSource, TargetEventStats } from '../target.js';

function ask(p: ServiceProcess, resetFromMs?: number): Promise<ProcessEventStats> {
  const extra: Partial<EventStatsRequest> = resetFromMs === undefined ? {} : { resetFromMs };
  return askProcess<ProcessEventStats>(p, 'event-stats-request', 'event-stats', 'event counters', extra);
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

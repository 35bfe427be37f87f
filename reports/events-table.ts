// Event-carrying targets (micro-*) add extra.events (publish -> commit latency, backlog) and,
// for broker transports, extra.brokerCpu. One table for every text and HTML exporter.
import type { Results, RunResult } from '../record/results.js';

interface EventsExtra {
  published: number;
  consumed: number;
  backlogAtEnd: number;
  backlogAfterDrain: number;
  latencyMs: { p50: number; p99: number } | null;
  outages?: unknown[];
}

interface Outage {
  process: string;
  connection: string;
  fromS: number;
  toS: number | null;
  reason: string;
}

const isOutage = (o: unknown): o is Outage => isObject(o) && typeof o.fromS === 'number' && 'toS' in o;

interface BrokerCpuExtra {
  process: string;
  cpuMsPerRequest: number | null;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function eventsOf(r: RunResult): EventsExtra | null {
  const e = r.extra?.events;
  return isObject(e) && typeof e.published === 'number' && typeof e.consumed === 'number' ? (e as unknown as EventsExtra) : null;
}

function brokerCpuOf(r: RunResult): BrokerCpuExtra | null {
  const b = r.extra?.brokerCpu;
  return isObject(b) && typeof b.process === 'string' ? (b as unknown as BrokerCpuExtra) : null;
}

export const EVENTS_HEADER = ['target', 'trial', 'published', 'consumed', 'event p50 ms', 'event p99 ms', 'backlog at end', 'after drain', 'outages', 'broker', 'broker CPU ms/req'];

export function eventRows(results: Results): string[][] {
  const rows: string[][] = [];
  for (const r of results.runs) {
    const e = eventsOf(r);
    if (!e) continue;
    const b = brokerCpuOf(r);
    rows.push([
      r.target,
      String(r.trial),
      String(e.published),
      String(e.consumed),
      e.latencyMs ? e.latencyMs.p50.toFixed(2) : '-',
      e.latencyMs ? e.latencyMs.p99.toFixed(2) : '-',
      String(e.backlogAtEnd),
      String(e.backlogAfterDrain),
      String(e.outages?.length ?? 0),
      b?.process ?? '-',
      typeof b?.cpuMsPerRequest === 'number' ? b.cpuMsPerRequest.toFixed(3) : '-',
    ]);
  }
  return rows;
}

/** Broker outages still open when the measured window ended (toS null): the errors may not be over. */
export function unrecoveredOutageLines(r: RunResult): string[] {
  const outages = eventsOf(r)?.outages ?? [];
  return outages
    .filter(isOutage)
    .filter((o) => o.toS === null)
    .map((o) => `broker outage not recovered when the window ended: ${o.process} ${o.connection} down since ${o.fromS} s (${o.reason})`);
}

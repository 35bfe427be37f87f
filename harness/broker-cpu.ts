// CPU of a broker that runs on this machine (nats-server, beam.smp for RabbitMQ, redis-server),
// over the measured window, reported apart from the target's own CPU. Found by process name
// in /proc: a shared broker also carries whatever else uses it during the window.
import { readdirSync, readFileSync } from 'node:fs';
import { BROKERS, isBrokerKind } from '../targets/transports/broker-config.js';
import { treeCpu } from './proc.js';

export interface BrokerCpu {
  process: string;
  pids: number[];
  cpuMs: number;
  cpuMsPerRequest: number | null;
}

function pidsNamed(comm: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() === comm) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

const total = (pids: number[]) => treeCpu(pids).totalMs;

/** Starts sampling now; null when the transport uses no broker or none runs locally. */
export function sampleBrokerCpu(transport: string | undefined): { stop(okRequests: number): BrokerCpu } | null {
  if (!isBrokerKind(transport)) return null;
  const comm = BROKERS[transport].processName;
  const pids = pidsNamed(comm);
  if (pids.length === 0) return null;
  const start = total(pids);
  return {
    stop(okRequests) {
      const cpuMs = Math.round((total(pids) - start) * 10) / 10;
      return { process: comm, pids, cpuMs, cpuMsPerRequest: okRequests > 0 ? Math.round((cpuMs / okRequests) * 10000) / 10000 : null };
    },
  };
}

// CPU of a broker that runs on this machine (nats-server, beam.smp for RabbitMQ, redis-server),
// over the measured window, reported apart from the target's own CPU. Found by process name
// in /proc: a shared broker also carries whatever else uses it during the window.
//
// A broker may restart during the window (an outage test restarts RabbitMQ): its PIDs are
// resolved again at every sample, and the figure sums each PID's own delta, a vanished PID
// counting up to its last reading and a new one from zero (all its CPU lies in the window).
// Reading one PID set at both ends once gave -46979 ms.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { BROKERS, isBrokerKind } from '../targets/transports/broker-config.js';
import { treeCpu } from './proc.js';

export interface BrokerCpu {
  process: string;
  /** Every PID seen under that name during the window. */
  pids: number[];
  cpuMs: number;
  cpuMsPerRequest: number | null;
  /** A PID ended during the window: its CPU after its last sample is missing (a lower bound). */
  restarted?: true;
}

/** Where broker processes and their CPU are read; a fake in tests. */
export interface BrokerProcSource {
  pidsNamed(comm: string): number[];
  /** CPU of the PID's tree so far, ms; null when it is gone. */
  cpuMs(pid: number): number | null;
}

export const procBrokerSource: BrokerProcSource = {
  pidsNamed(comm) {
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
  },
  cpuMs(pid) {
    const ms = treeCpu([pid]).totalMs;
    return existsSync(`/proc/${pid}`) ? ms : null;
  },
};

export interface BrokerCpuSampler {
  /** Re-resolves the PIDs and takes a reading of each (also done every pollMs). */
  sample(): void;
  stop(okRequests: number): BrokerCpu;
  /** Stops polling without a figure (the run failed). */
  dispose(): void;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Starts sampling now; null when the transport uses no broker or none runs locally. */
export function sampleBrokerCpu(transport: string | undefined, source: BrokerProcSource = procBrokerSource, pollMs = 1000): BrokerCpuSampler | null {
  if (!isBrokerKind(transport)) return null;
  const comm = BROKERS[transport].processName;
  // Per PID: its reading when first seen (0 for a PID born in the window) and its last one.
  const seen = new Map<number, { first: number; last: number }>();
  let restarted = false;
  const read = (initial: boolean) => {
    const live = new Set(source.pidsNamed(comm));
    for (const pid of live) {
      const ms = source.cpuMs(pid);
      if (ms === null) continue;
      const known = seen.get(pid);
      if (known) known.last = Math.max(known.last, ms);
      else seen.set(pid, { first: initial ? ms : 0, last: ms });
    }
    for (const pid of seen.keys()) if (!live.has(pid)) restarted = true;
  };
  read(true);
  if (seen.size === 0) return null;
  const timer = setInterval(() => read(false), pollMs);
  timer.unref();
  return {
    sample: () => read(false),
    dispose: () => clearInterval(timer),
    stop(okRequests) {
      clearInterval(timer);
      read(false);
      const cpuMs = round([...seen.values()].reduce((s, p) => s + Math.max(0, p.last - p.first), 0), 1);
      return {
        process: comm,
        pids: [...seen.keys()],
        cpuMs,
        cpuMsPerRequest: okRequests > 0 ? round(cpuMs / okRequests, 4) : null,
        ...(restarted ? { restarted: true as const } : {}),
      };
    },
  };
}

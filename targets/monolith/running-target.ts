// Turning a spawned service process into the RunningTarget the harness sees.
import type { ServiceProcess } from '../lifecycle/spawn.js';
import type { RunningTarget } from '../target.js';

/** A URL a client can connect to: wildcard binds are reached on loopback, IPv6 is bracketed. */
export function connectUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
}

export function singleProcessTarget(proc: ServiceProcess): RunningTarget {
  return {
    url: connectUrl(proc.host, proc.port),
    pids: () => [proc.pid],
    exited: proc.exited.then((e) => ({ ...e, process: proc.name })),
    stderrTail: () => proc.stderrTail(),
    stop: () => proc.stop(),
  };
}

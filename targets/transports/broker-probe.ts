// Is a broker listening? A TCP connect to its host and port, bounded: enough to tell "absent"
// (skip the target with a clear line) from "present" (start it; protocol errors fail normally).
import { connect } from 'node:net';
import { BROKERS, hostPort, redactUrl, type BrokerKind } from './broker-config.js';

const PROBE_TIMEOUT_MS = 1500;

/** null when reachable, else why not (e.g. "ECONNREFUSED"). */
export function probeBroker(kind: BrokerKind, url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<string | null> {
  const { host, port } = hostPort(kind, url);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (why: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(why);
    };
    const timer = setTimeout(() => done(`no answer within ${timeoutMs} ms`), timeoutMs);
    socket.once('connect', () => done(null));
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
  });
}

/** The one line a skipped target gets: the URL tried and how to set another. */
export function unreachableMessage(kind: BrokerKind, url: string, why: string): string {
  const b = BROKERS[kind];
  return `no ${b.title} broker at ${redactUrl(url)} (${why}); set another with ${b.flag} or ${b.envVar}`;
}

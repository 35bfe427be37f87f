// When is a user's command ready? When its port accepts TCP connections, or its ready URL
// answers 2xx. Polled, because a command gives no other sign.
import { connect, createServer } from 'node:net';

const POLL_MS = 100;
const PROBE_TIMEOUT_MS = 1000;

export type ReadyCheck = { kind: 'port'; port: number } | { kind: 'url'; url: string };

export function describeCheck(check: ReadyCheck): string {
  return check.kind === 'port' ? `port ${check.port} to accept TCP connections` : `${check.url} to answer 2xx`;
}

export function portAccepts(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function urlAnswers2xx(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

export function probe(check: ReadyCheck): Promise<boolean> {
  return check.kind === 'port' ? portAccepts(check.port) : urlAnswers2xx(check.url);
}

/** True when the check passes; false once `signal` aborts first. Never rejects. */
export async function waitReady(check: ReadyCheck, signal: AbortSignal): Promise<boolean> {
  while (!signal.aborted) {
    if (await probe(check)) return !signal.aborted;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return false;
}

/**
 * A port that was free a moment ago, chosen by the kernel. Another process could take it before
 * the command binds it; on a loopback-only test machine that window is small and the command
 * then fails to start with its own clear error.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

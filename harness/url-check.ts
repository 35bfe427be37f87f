// --url is checked before the first trial, so a wrong address is a usage error (exit 2) with
// nothing written, not a failed run: the name must resolve, to loopback unless --allow-remote
// (common/loopback.ts, the one policy), and something must accept a TCP connection there.
import { connect } from 'node:net';
import { UsageError } from '../common/errors.js';
import { resolveLoopback } from '../common/loopback.js';

const CONNECT_TIMEOUT_MS = 3000;

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

function tryConnect(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (why: string | null) => {
      socket.destroy();
      resolve(why);
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => done(`no answer within ${CONNECT_TIMEOUT_MS} ms`));
    socket.once('connect', () => done(null));
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
  });
}

export async function checkReachable(rawUrl: string, allowRemote: boolean): Promise<void> {
  const url = new URL(rawUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = await resolveLoopback(host, allowRemote, rawUrl);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTFOUND' || (err as NodeJS.ErrnoException).code === 'EAI_AGAIN') {
      throw new UsageError(`--url ${rawUrl}: the name ${host} does not resolve`, 'ERR_URL');
    }
    throw err;
  }
  const port = url.port ? Number(url.port) : defaultPort(url.protocol);
  const why = await tryConnect(addresses[0]!, port);
  if (why) throw new UsageError(`--url ${rawUrl}: nothing accepts connections at ${addresses[0]}:${port} (${why}); is the service running?`, 'ERR_UNREACHABLE');
}

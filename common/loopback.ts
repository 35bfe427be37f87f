// Load goes to this machine only, unless the user says otherwise. One policy for every runner,
// the seeding and the conformance suite: the check is on resolved addresses, not the URL text
// (a name may resolve elsewhere), once before the run and again at every connect.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { UsageError } from './errors.js';

export function isLoopbackAddress(addr: string): boolean {
  if (isIP(addr) === 4) return addr.startsWith('127.');
  const a = addr.toLowerCase();
  return a === '::1' || a.startsWith('::ffff:127.');
}

export class RemoteTargetError extends UsageError {
  constructor(message: string) {
    super(message, 'ERR_REMOTE_TARGET');
  }
}

const HOW = 'not a loopback address (127.0.0.0/8, ::1). Load tests must not hit machines by accident; pass --allow-remote if this one is yours to load.';

/** The refusal for a peer actually connected to, or null when load may go there. */
export function refusedPeer(peer: string | undefined, allowRemote: boolean | undefined): RemoteTargetError | null {
  if (allowRemote || isLoopbackAddress(peer ?? '')) return null;
  return new RemoteTargetError(`refusing to send load to ${peer ?? 'an unknown address'}: ${HOW}`);
}

/** The addresses `host` resolves to, all loopback unless allowRemote (else RemoteTargetError). */
export async function resolveLoopback(host: string, allowRemote: boolean, what = host): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  const addrs = isIP(bare) ? [bare] : (await lookup(bare, { all: true })).map((a) => a.address);
  const remote = allowRemote ? [] : addrs.filter((a) => !isLoopbackAddress(a));
  if (remote.length) throw new RemoteTargetError(`refusing to load ${what}: ${bare} resolves to ${remote.join(', ')}, ${HOW}`);
  return addrs;
}

export async function assertLoopback(url: string, allowRemote: boolean): Promise<void> {
  await resolveLoopback(new URL(url).hostname, allowRemote, url);
}

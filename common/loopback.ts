// Load goes to this machine only, unless the user says otherwise. The check is on the
// resolved addresses, not the URL text, so a name that resolves elsewhere is refused too.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export function isLoopbackAddress(addr: string): boolean {
  if (isIP(addr) === 4) return addr.startsWith('127.');
  const a = addr.toLowerCase();
  return a === '::1' || a.startsWith('::ffff:127.');
}

export class RemoteTargetError extends Error {
  readonly code = 'ERR_REMOTE_TARGET';
}

export async function assertLoopback(url: string, allowRemote: boolean): Promise<void> {
  if (allowRemote) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addrs = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  const remote = addrs.filter((a) => !isLoopbackAddress(a));
  if (remote.length) {
    throw new RemoteTargetError(
      `refusing to load ${url}: ${host} resolves to ${remote.join(', ')}, which is not loopback (127.0.0.0/8, ::1). ` +
        'Load tests must not hit machines by accident; pass --allow-remote if this one is yours to load.',
    );
  }
}

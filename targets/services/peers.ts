// Backend side of peer discovery: users and billing call each other, so neither can be given
// the other's address at spawn time. The harness starts both, then sends every instance the
// full address list over IPC; calls made before it arrives wait for it (bounded).
import { peersSchema, type Peers } from './config.js';

export function awaitPeers(timeoutMs: number): Promise<Peers> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no peer addresses from the harness within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
    const onMessage = (m: unknown) => {
      if (!m || typeof m !== 'object' || (m as { type?: unknown }).type !== 'peers') return;
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve(peersSchema.parse((m as { peers: unknown }).peers));
    };
    process.on('message', onMessage);
  });
}

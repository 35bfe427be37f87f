// ioredis connections: reconnecting forever with a short wait, commands queued while offline
// are failed (not replayed blindly) so callers see "unavailable". A blocking reader needs a
// connection of its own, so each half opens one for commands and one for XREAD(GROUP) BLOCK.
import { Redis } from 'ioredis';
import { connectionDown, connectionUp } from '../connection-log.js';

/**
 * `resendOnReconnect: false` for connections that send non-idempotent requests: ioredis would
 * otherwise replay a command whose reply was lost with the connection, and a replayed RPC
 * request XADD runs the call twice (a sign-up then answers 409 to its own first execution).
 */
export function openRedis(url: string, name: string, opts: { resendOnReconnect?: boolean } = {}): Redis {
  const r = new Redis(url, {
    autoResendUnfulfilledCommands: opts.resendOnReconnect ?? true,
    connectionName: name.replace(/[^A-Za-z0-9#_-]/g, '-'),
    retryStrategy: () => 100,
    maxRetriesPerRequest: 1,
    enableAutoPipelining: true,
    lazyConnect: false,
  });
  r.on('error', () => undefined);
  r.on('close', () => connectionDown(`redis ${name}`, 'connection closed'));
  r.on('ready', () => connectionUp(`redis ${name}`));
  return r;
}

/** Resolves once connected; rejects with the connection error if the first attempt fails. */
export function ready(r: Redis): Promise<void> {
  if (r.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onReady = () => {
      r.off('error', onError);
      resolve();
    };
    const onError = (err: Error) => {
      r.off('ready', onReady);
      reject(err);
    };
    r.once('ready', onReady);
    r.once('error', onError);
  });
}

export const rpcStream = (namespace: string, service: string) => `${namespace}:rpc:${service}`;
export const replyStream = (namespace: string, client: string) => `${namespace}:reply:${client}`;
export const eventStream = (namespace: string, type: string) => `${namespace}:events:${type}`;

/** Stream entries: [id, [field, value, ...]]. */
export type StreamEntry = [string, string[]];
/** An XREAD/XREADGROUP reply: RESP2 [[key, entries], ...] or RESP3's map, flattened [key, entries, ...]. */
export type StreamRead = unknown[] | null;

export function streamEntries(res: StreamRead): StreamEntry[] {
  if (!res || res.length === 0) return [];
  const out: StreamEntry[] = [];
  if (Array.isArray(res[0])) {
    for (const pair of res as Array<[string, StreamEntry[] | null]>) out.push(...(pair[1] ?? []));
  } else {
    for (let i = 1; i < res.length; i += 2) out.push(...((res[i] as StreamEntry[] | null) ?? []));
  }
  // A deleted entry still pending comes back with null fields.
  return out.filter((e) => Array.isArray(e) && Array.isArray(e[1]));
}

export function field(entry: StreamEntry, name: string): string | undefined {
  const f = entry[1];
  for (let i = 0; i + 1 < f.length; i += 2) if (f[i] === name) return f[i + 1];
  return undefined;
}

/** XGROUP CREATE ... MKSTREAM, tolerating a group that exists. */
export async function ensureGroup(r: Redis, stream: string, group: string, from = '0'): Promise<void> {
  try {
    await r.call('XGROUP', 'CREATE', stream, group, from, 'MKSTREAM');
  } catch (err) {
    if (!String((err as Error).message).includes('BUSYGROUP')) throw err;
  }
}

/** A blocking read loop that survives a dropped connection: waits a little and reads again. */
export async function readLoop(stopped: () => boolean, read: () => Promise<void>): Promise<void> {
  while (!stopped()) {
    try {
      await read();
    } catch {
      if (stopped()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

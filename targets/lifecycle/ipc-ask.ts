// One request/reply over a service process's IPC channel, matched by id, bounded in time: how
// the harness asks a target's processes for their counters (events, cache).
import type { ServiceProcess } from './spawn.js';

const REPLY_TIMEOUT_MS = 5000;

let nextId = 1;

export interface IpcReply<T> {
  type: string;
  id: number;
  stats: T;
}

/** Sends `{type: requestType, id, ...extra}`; resolves with the `stats` of the reply `{type: replyType, id}`. */
export function askProcess<T>(p: Pick<ServiceProcess, 'name' | 'send' | 'onMessage'>, requestType: string, replyType: string, what: string, extra: Record<string, unknown> = {}): Promise<T> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const off = p.onMessage((m) => {
      const reply = m as Partial<IpcReply<T>> | null;
      if (reply?.type !== replyType || reply.id !== id || reply.stats === undefined) return;
      clearTimeout(timer);
      off();
      resolve(reply.stats);
    });
    const timer = setTimeout(() => {
      off();
      reject(new Error(`${p.name} did not report its ${what} within ${REPLY_TIMEOUT_MS} ms`));
    }, REPLY_TIMEOUT_MS);
    if (!p.send({ type: requestType, id, ...extra })) {
      clearTimeout(timer);
      off();
      reject(new Error(`${p.name} has no IPC channel`));
    }
  });
}

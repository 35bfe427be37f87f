// Server half of the redis transport: instances of a service read one request stream through a
// consumer group (each request goes to one instance), answer on the caller's reply stream with
// the request's correlation id, then XACK. Billing also consumes the event stream (events.ts).
import { answerCall, requireBrokerUrl, requireNamespace } from '../broker-messages.js';
import type { ServeOptions, ServedInstance, ServiceName, ServiceOperations } from '../transport.js';
import { ensureGroup, field, openRedis, readLoop, ready, rpcStream, type StreamRead, streamEntries } from './connection.js';
import { consumeRedisEvents } from './events.js';

const BATCH = 128;
const BLOCK_MS = 1000;
/** Reply streams are read as they arrive: a short cap keeps abandoned ones small. */
const REPLY_MAXLEN = 1000;

export async function serveRedis<S extends ServiceName>(service: S, impl: ServiceOperations[S], opts: ServeOptions): Promise<ServedInstance> {
  const namespace = requireNamespace(opts.namespace, 'redis');
  const url = requireBrokerUrl(opts.brokerUrl, 'redis');
  const cmd = openRedis(url, `${opts.instance} server`);
  const reader = openRedis(url, `${opts.instance} server reader`);
  let stopped = false;
  try {
    await Promise.all([ready(cmd), ready(reader)]);
    const stream = rpcStream(namespace, service);
    await ensureGroup(cmd, stream, service, '$');
    const loop = readLoop(() => stopped, async () => {
      const res = (await reader.call('XREADGROUP', 'GROUP', service, opts.instance, 'COUNT', BATCH, 'BLOCK', BLOCK_MS, 'STREAMS', stream, '>')) as StreamRead;
      for (const entry of streamEntries(res)) {
        const replyTo = field(entry, 'reply');
        const id = field(entry, 'id');
        const deadline = Number(field(entry, 'deadline') ?? Infinity);
        void (async () => {
          // The caller has given up: answering would only grow its reply stream.
          if (Date.now() <= deadline && replyTo && id) {
            const reply = await answerCall(service, impl, field(entry, 'm') ?? '');
            await cmd.call('XADD', replyTo, 'MAXLEN', '~', REPLY_MAXLEN, '*', 'id', id, 'm', JSON.stringify(reply));
          }
          await cmd.call('XACK', stream, service, entry[0]);
        })().catch(() => undefined);
      }
    });
    const stopEvents = opts.consumes ? await consumeRedisEvents(url, namespace, service, opts.instance, opts.consumes) : async () => undefined;
    return {
      endpoint: null,
      close: async () => {
        stopped = true;
        await stopEvents();
        reader.disconnect();
        await loop;
        await cmd.quit().catch(() => cmd.disconnect());
      },
    };
  } catch (err) {
    reader.disconnect();
    cmd.disconnect();
    throw err;
  }
}

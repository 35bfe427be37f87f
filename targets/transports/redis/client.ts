// Client half of the redis transport: a request is XADDed to the service's stream with a
// correlation id, a deadline and this client's reply stream; one blocking XREAD loop matches
// replies to calls by id.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { encodeJson, readReply } from '../broker-messages.js';
import { PendingCalls } from '../pending-calls.js';
import { UpstreamError } from '../upstream-error.js';
import { field, openRedis, readLoop, ready, replyStream, rpcStream, type StreamRead, streamEntries } from './connection.js';

/** Bound on a request stream: a service that is down must not let it grow without limit. */
const REQUEST_MAXLEN = 100_000;
const BLOCK_MS = 1000;

export class RedisRpcClient {
  readonly #service: string;
  readonly #stream: string;
  readonly #replyTo: string;
  readonly #timeoutMs: number;
  readonly #cmd: Redis;
  readonly #reader: Redis;
  readonly #pending: PendingCalls;
  #stopped = false;
  #loop: Promise<void> = Promise.resolve();

  private constructor(url: string, namespace: string, service: string, timeoutMs: number) {
    this.#service = service;
    this.#stream = rpcStream(namespace, service);
    this.#replyTo = replyStream(namespace, `${service}-${randomBytes(6).toString('hex')}`);
    this.#timeoutMs = timeoutMs;
    this.#pending = new PendingCalls(service, timeoutMs);
    // A request lost with the connection fails (503) rather than being replayed and run twice.
    this.#cmd = openRedis(url, `${service} client`, { resendOnReconnect: false });
    this.#reader = openRedis(url, `${service} client reader`);
  }

  static async open(url: string, namespace: string, service: string, timeoutMs: number): Promise<RedisRpcClient> {
    const c = new RedisRpcClient(url, namespace, service, timeoutMs);
    try {
      await Promise.all([ready(c.#cmd), ready(c.#reader)]);
    } catch (err) {
      c.#reader.disconnect();
      c.#cmd.disconnect();
      throw err;
    }
    let last = '0';
    c.#loop = readLoop(() => c.#stopped, async () => {
      const res = (await c.#reader.call('XREAD', 'COUNT', 512, 'BLOCK', BLOCK_MS, 'STREAMS', c.#replyTo, last)) as StreamRead;
      for (const entry of streamEntries(res)) {
        last = entry[0];
        const id = field(entry, 'id');
        if (id !== undefined) c.#pending.settleWith(id, () => readReply(field(entry, 'm') ?? '', service));
      }
    });
    return c;
  }

  call(op: string, input: unknown): Promise<unknown> {
    if (this.#cmd.status !== 'ready') return Promise.reject(new UpstreamError('unavailable', this.#service, `not connected to Redis (${this.#cmd.status})`));
    const { id, reply } = this.#pending.open();
    const deadline = Date.now() + this.#timeoutMs;
    this.#cmd
      .call('XADD', this.#stream, 'MAXLEN', '~', REQUEST_MAXLEN, '*', 'id', id, 'reply', this.#replyTo, 'deadline', deadline, 'm', encodeJson({ op, input }))
      .catch((err: Error) => this.#pending.settle(id, new UpstreamError('unavailable', this.#service, err.message, { cause: err })));
    return reply;
  }

  async close(): Promise<void> {
    this.#stopped = true;
    this.#pending.rejectAll('client closed');
    await this.#cmd.del(this.#replyTo).catch(() => undefined);
    this.#reader.disconnect();
    await this.#loop;
    await this.#cmd.quit().catch(() => this.#cmd.disconnect());
  }
}

// Client half of the amqp transport: RabbitMQ direct reply-to (no reply queue to declare),
// replies matched by correlationId, a deadline per call; `mandatory` turns a call to a queue
// nobody declared into an immediate "unavailable" instead of a silent drop.
import type { Channel, ChannelModel, ConsumeMessage, Message } from 'amqplib';
import { encodeJson, readReply } from '../broker-messages.js';
import { UpstreamError } from '../upstream-error.js';
import { openAmqp, rpcQueue } from './connection.js';
import { Latest } from './latest.js';

const REPLY_TO = 'amq.rabbitmq.reply-to';

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

export class AmqpRpcClient {
  readonly #service: string;
  readonly #queue: string;
  readonly #timeoutMs: number;
  readonly #channel = new Latest<Channel>();
  readonly #pending = new Map<string, Pending>();
  #nextId = 0;
  #close: () => Promise<void> = async () => undefined;

  private constructor(service: string, namespace: string, timeoutMs: number) {
    this.#service = service;
    this.#queue = rpcQueue(namespace, service);
    this.#timeoutMs = timeoutMs;
  }

  static async open(url: string, namespace: string, service: string, timeoutMs: number): Promise<AmqpRpcClient> {
    const c = new AmqpRpcClient(service, namespace, timeoutMs);
    const model = await openAmqp(url, `${service} client`, (m) => c.#setup(m), () => c.#lost());
    c.#close = () => model.close().catch(() => undefined);
    return c;
  }

  async #setup(model: ChannelModel): Promise<void> {
    const ch = await model.createChannel();
    ch.on('error', () => undefined);
    ch.on('return', (msg: Message) => this.#settle(String(msg.properties.correlationId), new UpstreamError('unavailable', this.#service, 'no instance consumes its queue')));
    await ch.consume(REPLY_TO, (msg: ConsumeMessage | null) => {
      if (!msg) return;
      const id = String(msg.properties.correlationId);
      try {
        this.#settle(id, undefined, readReply(msg.content, this.#service));
      } catch (err) {
        this.#settle(id, err as Error);
      }
    }, { noAck: true });
    this.#channel.set(ch);
  }

  /** The connection dropped: calls in flight will never get their reply on the old channel. */
  #lost(): void {
    this.#channel.clear();
    for (const id of [...this.#pending.keys()]) this.#settle(id, new UpstreamError('unavailable', this.#service, 'the RabbitMQ connection dropped'));
  }

  #settle(id: string, err: Error | undefined, value?: unknown): void {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#pending.delete(id);
    clearTimeout(p.timer);
    if (err) p.reject(err);
    else p.resolve(value);
  }

  call(op: string, input: unknown): Promise<unknown> {
    const ch = this.#channel.now();
    if (!ch) return Promise.reject(new UpstreamError('unavailable', this.#service, 'not connected to RabbitMQ'));
    const id = (this.#nextId++).toString(36);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#settle(id, new UpstreamError('upstream_timeout', this.#service, `no answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
      try {
        ch.publish('', this.#queue, encodeJson({ op, input }), { replyTo: REPLY_TO, correlationId: id, mandatory: true, expiration: String(this.#timeoutMs) });
      } catch (err) {
        this.#settle(id, new UpstreamError('unavailable', this.#service, (err as Error).message, { cause: err }));
      }
    });
  }

  async close(): Promise<void> {
    for (const id of [...this.#pending.keys()]) this.#settle(id, new UpstreamError('unavailable', this.#service, 'client closed'));
    await this.#close();
  }
}

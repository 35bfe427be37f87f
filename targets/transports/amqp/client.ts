// Client half of the amqp transport: RabbitMQ direct reply-to (no reply queue to declare),
// replies matched by correlationId, a deadline per call; `mandatory` turns a call to a queue
// nobody declared into an immediate "unavailable" instead of a silent drop.
import type { Channel, ChannelModel, ConsumeMessage, Message } from 'amqplib';
import { encodeJson, readReply } from '../broker-messages.js';
import { UpstreamError } from '../upstream-error.js';
import { PendingCalls } from '../pending-calls.js';
import { openAmqp, rpcQueue } from './connection.js';
import { Latest } from './latest.js';

const REPLY_TO = 'amq.rabbitmq.reply-to';

export class AmqpRpcClient {
  readonly #service: string;
  readonly #queue: string;
  readonly #timeoutMs: number;
  readonly #channel = new Latest<Channel>();
  readonly #pending: PendingCalls;
  #close: () => Promise<void> = async () => undefined;

  private constructor(service: string, namespace: string, timeoutMs: number) {
    this.#service = service;
    this.#queue = rpcQueue(namespace, service);
    this.#timeoutMs = timeoutMs;
    this.#pending = new PendingCalls(service, timeoutMs);
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
    ch.on('return', (msg: Message) => this.#pending.settle(String(msg.properties.correlationId), new UpstreamError('unavailable', this.#service, 'no instance consumes its queue')));
    await ch.consume(REPLY_TO, (msg: ConsumeMessage | null) => {
      if (msg) this.#pending.settleWith(String(msg.properties.correlationId), () => readReply(msg.content, this.#service));
    }, { noAck: true });
    this.#channel.set(ch);
  }

  /** The connection dropped: calls in flight will never get their reply on the old channel. */
  #lost(): void {
    this.#channel.clear();
    this.#pending.rejectAll('the RabbitMQ connection dropped');
  }

  call(op: string, input: unknown): Promise<unknown> {
    const ch = this.#channel.now();
    if (!ch) return Promise.reject(new UpstreamError('unavailable', this.#service, 'not connected to RabbitMQ'));
    const { id, reply } = this.#pending.open();
    try {
      ch.publish('', this.#queue, encodeJson({ op, input }), { replyTo: REPLY_TO, correlationId: id, mandatory: true, expiration: String(this.#timeoutMs) });
    } catch (err) {
      this.#pending.settle(id, new UpstreamError('unavailable', this.#service, (err as Error).message, { cause: err }));
    }
    return reply;
  }

  async close(): Promise<void> {
    this.#pending.rejectAll('client closed');
    await this.#close();
  }
}

// Calls waiting for a reply that arrives on another channel (a reply queue or stream), matched
// by correlation id, each with a deadline: shared by the amqp and redis clients.
import { UpstreamError } from './upstream-error.js';

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

export class PendingCalls {
  readonly #service: string;
  readonly #timeoutMs: number;
  readonly #pending = new Map<string, Pending>();
  #nextId = 0;

  constructor(service: string, timeoutMs: number) {
    this.#service = service;
    this.#timeoutMs = timeoutMs;
  }

  /** A new correlation id and the promise its reply settles (or its deadline rejects). */
  open(): { id: string; reply: Promise<unknown> } {
    const id = (this.#nextId++).toString(36);
    const reply = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(id, new UpstreamError('upstream_timeout', this.#service, `no answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
    });
    return { id, reply };
  }

  /** Settles the call `id` (ignored when it already timed out or is unknown). */
  settle(id: string, err: Error | undefined, value?: unknown): void {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#pending.delete(id);
    clearTimeout(p.timer);
    if (err) p.reject(err);
    else p.resolve(value);
  }

  /** Settles a reply body: its result, or the error it carries. */
  settleWith(id: string, read: () => unknown): void {
    try {
      this.settle(id, undefined, read());
    } catch (err) {
      this.settle(id, err as Error);
    }
  }

  rejectAll(detail: string): void {
    for (const id of [...this.#pending.keys()]) this.settle(id, new UpstreamError('unavailable', this.#service, detail));
  }
}

// At most `max` tasks at once; the rest wait in arrival order. A waiter whose signal aborts
// (its client has gone) leaves the queue at once: serving it would only delay live clients.
export class Limiter {
  readonly #max: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`limiter size must be a whole number >= 1, got ${max}`);
    this.#max = max;
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.#active >= this.#max) await this.#wait(signal);
    else this.#active++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter: the count never dips and lets a newcomer jump the queue.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }

  #wait(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const admit = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        const i = this.#waiting.indexOf(admit);
        if (i >= 0) this.#waiting.splice(i, 1);
        reject(signal!.reason);
      };
      this.#waiting.push(admit);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }
}

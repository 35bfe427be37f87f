// The channel of the current connection, or a wait for the next one (bounded by a deadline).
export class Latest<T> {
  #value: T | null = null;
  #waiters: Array<(v: T) => void> = [];

  set(value: T): void {
    this.#value = value;
    for (const w of this.#waiters.splice(0)) w(value);
  }

  clear(): void {
    this.#value = null;
  }

  now(): T | null {
    return this.#value;
  }

  /** The current value, or the next one set within `ms`; null if none came. */
  next(ms: number): Promise<T | null> {
    if (this.#value !== null) return Promise.resolve(this.#value);
    return new Promise((resolve) => {
      const waiter = (v: T) => {
        clearTimeout(timer);
        resolve(v);
      };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        resolve(null);
      }, ms);
      this.#waiters.push(waiter);
    });
  }
}

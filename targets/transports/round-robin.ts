// Spreads calls over the instances of a service (--replicas N), in turn.
export class RoundRobin<T> {
  readonly #items: readonly T[];
  #next = 0;

  constructor(items: readonly T[], what: string) {
    if (items.length === 0) throw new Error(`no ${what} to connect to`);
    this.#items = items;
  }

  next(): T {
    const item = this.#items[this.#next]!;
    this.#next = (this.#next + 1) % this.#items.length;
    return item;
  }

  all(): readonly T[] {
    return this.#items;
  }
}

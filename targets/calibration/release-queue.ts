// Pending responses ordered by release time (a binary min-heap): one precise wake-up serves them all.
export interface Pending {
  releaseMs: number;
  arrivalMs: number;
  send(): void;
}

export class ReleaseQueue {
  readonly #heap: Pending[] = [];

  get size(): number {
    return this.#heap.length;
  }

  peek(): Pending | undefined {
    return this.#heap[0];
  }

  push(p: Pending): void {
    const h = this.#heap;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent]!.releaseMs <= p.releaseMs) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = p;
  }

  pop(): Pending | undefined {
    const h = this.#heap;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || !last) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && h[r]!.releaseMs < h[l]!.releaseMs ? r : l;
      if (h[c]!.releaseMs >= last.releaseMs) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
    return top;
  }
}

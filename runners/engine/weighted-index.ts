/** Draws index i with probability weights[i] / sum(weights): the request mix of every runner. */
export class WeightedIndex {
  readonly #cumulative: number[];
  readonly #total: number;

  constructor(weights: readonly number[], readonly random: () => number) {
    let sum = 0;
    this.#cumulative = weights.map((w) => (sum += w));
    this.#total = sum;
  }

  next(): number {
    // One request: no draw (the common single-request scenario pays nothing per request).
    if (this.#cumulative.length === 1) return 0;
    const x = this.random() * this.#total;
    let i = 0;
    while (i < this.#cumulative.length - 1 && x >= this.#cumulative[i]!) i++;
    return i;
  }
}

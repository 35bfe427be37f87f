// The web stack's in-memory session store, as express-session's MemoryStore does it: sessions
// kept serialised (every load parses, every save stringifies), with an expiry and a cap so a
// load generator that never returns its cookie cannot grow it without bound.
export interface SessionData {
  csrfToken: string;
  visits: number;
  lastSeenMs: number;
}

export class MemorySessionStore {
  readonly #sessions = new Map<string, { json: string; expiresMs: number }>();
  readonly #ttlMs: number;
  readonly #max: number;

  constructor(ttlMs: number, max: number) {
    this.#ttlMs = ttlMs;
    this.#max = max;
  }

  get size(): number {
    return this.#sessions.size;
  }

  load(id: string, nowMs: number): SessionData | undefined {
    const s = this.#sessions.get(id);
    if (!s) return undefined;
    if (s.expiresMs <= nowMs) {
      this.#sessions.delete(id);
      return undefined;
    }
    return JSON.parse(s.json) as SessionData;
  }

  save(id: string, data: SessionData, nowMs: number): void {
    // Re-inserted so the Map's order is least recently saved first: the cap evicts the oldest.
    this.#sessions.delete(id);
    this.#sessions.set(id, { json: JSON.stringify(data), expiresMs: nowMs + this.#ttlMs });
    if (this.#sessions.size > this.#max) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== undefined) this.#sessions.delete(oldest);
    }
  }
}

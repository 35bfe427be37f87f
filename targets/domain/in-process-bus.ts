// EventBus for a single process. Handlers run before publish() resolves, so in the monolith a
// registered user has a billing account by the time POST /users answers (as a function call
// would). A failing handler is reported, not thrown: the publisher's own work already committed.
import type { DomainEvent, DomainEventType, EventBus, EventHandler } from './events.js';

type AnyHandler = (event: DomainEvent) => Promise<void>;

export class InProcessEventBus implements EventBus {
  readonly #handlers = new Map<DomainEventType, Set<AnyHandler>>();
  readonly #onHandlerError: (err: unknown, event: DomainEvent) => void;

  constructor(onHandlerError?: (err: unknown, event: DomainEvent) => void) {
    this.#onHandlerError =
      onHandlerError ?? ((err, event) => console.error(`event handler for ${event.type} failed:`, err));
  }

  async publish(event: DomainEvent): Promise<void> {
    const handlers = this.#handlers.get(event.type);
    if (!handlers) return;
    await Promise.all(
      [...handlers].map((h) => h(event).catch((err: unknown) => this.#onHandlerError(err, event))),
    );
  }

  subscribe<T extends DomainEventType>(type: T, handler: EventHandler<T>): () => void {
    let set = this.#handlers.get(type);
    if (!set) this.#handlers.set(type, (set = new Set()));
    // Safe: publish() only routes events of `type` to this set.
    const h = handler as AnyHandler;
    set.add(h);
    return () => set.delete(h);
  }
}

// Domain events and the bus they travel on. The bus is a port: in-process for the monolith,
// a broker (NATS, AMQP, Redis Streams) for the micro topologies.
import { z } from 'zod';

export const userRegisteredSchema = z.strictObject({
  type: z.literal('UserRegistered'),
  /** Unique per event; lets consumers deduplicate redeliveries. */
  eventId: z.string(),
  userId: z.string(),
  email: z.string(),
  occurredAt: z.string(),
});
export type UserRegistered = z.infer<typeof userRegisteredSchema>;

export type DomainEvent = UserRegistered;
export type DomainEventType = DomainEvent['type'];
export type EventOfType<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
export type EventHandler<T extends DomainEventType> = (event: EventOfType<T>) => Promise<void>;

export interface EventBus {
  /** Resolves once the event is handed over (in-process: once every handler has run). */
  publish(event: DomainEvent): Promise<void>;
  /** Returns a function that removes the subscription. */
  subscribe<T extends DomainEventType>(type: T, handler: EventHandler<T>): () => void;
}

// URL layout of the rest transport: one POST per operation, one per event type.
import type { DomainEventType } from '../../domain/events.js';

export const operationPath = (operation: string) => `/rpc/${operation}`;
export const eventPath = (type: DomainEventType) => `/events/${type}`;

/** Largest request body a service accepts from a peer. */
export const REST_BODY_LIMIT_BYTES = 1024 * 1024;

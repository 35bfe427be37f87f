// The users service as a process: its own database, the domain's UserService, and an event
// bus that publishes UserRegistered over the chosen transport.
import type { PasswordHasher } from '../../domain/auth/password-hasher.js';
import type { EventBus } from '../../domain/events.js';
import { UserService } from '../../domain/users/user-service.js';
import type { UsersStorage } from '../../storage/ports.js';
import type { EventPublisher, UsersOperations } from '../../transports/transport.js';
import { ValidationError } from '../../domain/errors.js';
import { toWireError } from '../../transports/wire-errors.js';

/** Largest batch read: a GraphQL query's users, never a table scan. */
const MAX_BATCH = 1000;

/** Users only publishes; the publisher may still be connecting when the first call arrives. */
export function publishingBus(publisher: Promise<EventPublisher>): EventBus {
  return {
    publish: async (event) => (await publisher).publish(event),
    subscribe: () => {
      throw new Error('the users service consumes no events');
    },
  };
}

export function usersOperations(storage: UsersStorage, publisher: Promise<EventPublisher>, passwords: PasswordHasher, publishTimeoutMs?: number): UsersOperations {
  // A sign-up's announcement may take up to the publish deadline; twice that covers its scheduling.
  const lease = publishTimeoutMs === undefined ? {} : { announceLeaseMs: 2 * publishTimeoutMs };
  const users = new UserService({ users: storage.users, events: publishingBus(publisher), passwords, ...lease });
  // Each method validates its input again: a service trusts no caller, not even the gateway.
  return {
    register: (input) => users.register(input),
    authenticate: (input) => users.authenticate(input),
    get: (input) => users.get(input.id),
    getMany: async (input) => {
      if (!Array.isArray(input?.ids) || input.ids.length > MAX_BATCH) throw new ValidationError(`ids must be a list of at most ${MAX_BATCH} ids`, 'ids');
      const found = await users.getMany(input.ids);
      return { results: found.map((r) => (r instanceof Error ? { error: toWireError(r) } : { user: r })) };
    },
    exists: (input) => users.exists(input.id),
  };
}

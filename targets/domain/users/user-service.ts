// The users service: registration, lookup, existence. Framework-free; storage and events are ports.
import { randomUUID } from 'node:crypto';
import { microsToIso, systemClock, type Clock } from '../clock.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { User } from '../model.js';
import type { UserDirectory, UserRecord, UserRepository } from '../ports.js';
import { isUuid, parseOrThrow, uuidSchema } from '../validation.js';
import { registerUserSchema } from './schemas.js';

export interface UserServiceDeps {
  users: UserRepository;
  events: EventBus;
  clock?: Clock;
}

export class UserService {
  readonly #users: UserRepository;
  readonly #events: EventBus;
  readonly #clock: Clock;

  constructor(deps: UserServiceDeps) {
    this.#users = deps.users;
    this.#events = deps.events;
    this.#clock = deps.clock ?? systemClock;
  }

  /** `input` is untrusted (an HTTP body, a message): it is validated here. */
  async register(input: unknown): Promise<User> {
    const { name, email } = parseOrThrow(registerUserSchema, input);
    const record: UserRecord = { id: randomUUID(), name, email, createdAtUs: this.#clock.nowMicros() };
    if ((await this.#users.insert(record)) === 'email_taken') {
      throw new ConflictError('a user with this email already exists', 'email');
    }
    const user = toUser(record);
    // After the commit: a consumer never hears of a user that does not exist.
    await this.#events.publish({
      type: 'UserRegistered',
      eventId: randomUUID(),
      userId: user.id,
      email: user.email,
      occurredAt: user.createdAt,
    });
    return user;
  }

  async get(id: unknown): Promise<User> {
    const userId = parseOrThrow(uuidSchema, id, 'id');
    const record = await this.#users.findById(userId);
    if (!record) throw new NotFoundError(`user ${userId} not found`);
    return toUser(record);
  }

  /** A predicate: a malformed id simply does not exist. */
  async exists(id: unknown): Promise<boolean> {
    return isUuid(id) && this.#users.existsById(id.toLowerCase());
  }
}

export function toUser(r: UserRecord): User {
  return { id: r.id, name: r.name, email: r.email, createdAt: microsToIso(r.createdAtUs) };
}

/** The monolith's UserDirectory: a plain function call into the users service. */
export function localUserDirectory(users: Pick<UserService, 'exists'>): UserDirectory {
  return { exists: (id) => users.exists(id) };
}

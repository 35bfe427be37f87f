// The users service: registration, sign-in, lookup, existence. Framework-free; storage and events are ports.
import { randomUUID } from 'node:crypto';
import { PasswordHasher } from '../auth/password-hasher.js';
import { microsToIso, systemClock, type Clock } from '../clock.js';
import { ConflictError, DomainError, NotFoundError, RetryLaterError, UnauthorizedError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { User } from '../model.js';
import type { UserDirectory, UserRecord, UserRepository } from '../ports.js';
import { isUuid, parseOrThrow, uuidSchema } from '../validation.js';
import { credentialsSchema, registerUserSchema } from './schemas.js';

export interface UserServiceDeps {
  users: UserRepository;
  events: EventBus;
  /** Its cost (scrypt N) is a target setting. */
  passwords: PasswordHasher;
  clock?: Clock;
  /**
   * How long after a sign-up's commit its own announcement may still be under way (at least the
   * event bus's publish deadline). A retry inside it is told to retry later, so that the two
   * do not both announce; after it, the retry announces what was never confirmed.
   */
  announceLeaseMs?: number;
}

export const DEFAULT_ANNOUNCE_LEASE_MS = 10_000;

export class UserService {
  readonly #users: UserRepository;
  readonly #events: EventBus;
  readonly #passwords: PasswordHasher;
  readonly #clock: Clock;
  readonly #leaseUs: number;

  constructor(deps: UserServiceDeps) {
    this.#users = deps.users;
    this.#events = deps.events;
    this.#passwords = deps.passwords;
    this.#clock = deps.clock ?? systemClock;
    this.#leaseUs = (deps.announceLeaseMs ?? DEFAULT_ANNOUNCE_LEASE_MS) * 1000;
  }

  /**
   * `input` is untrusted (an HTTP body, a message): it is validated here.
   * Idempotent under retry: a sign-up whose answer was lost (a 503 after the commit) can be
   * sent again with the same name, email and password and gets the same user back.
   */
  async register(input: unknown): Promise<User> {
    const { name, email, password } = parseOrThrow(registerUserSchema, input);
    const passwordHash = await this.#passwords.hash(password);
    const record: UserRecord = { id: randomUUID(), name, email, passwordHash, createdAtUs: this.#clock.nowMicros(), announcedAtUs: null };
    if ((await this.#users.insert(record)) === 'inserted') {
      await this.#announce(record);
      return toUser(record);
    }
    const existing = await this.#users.findByEmail(email);
    if (existing && existing.name === name && (await this.#passwords.verify(password, existing.passwordHash))) {
      if (existing.announcedAtUs === null) {
        // Still in flight (a client retrying fast, a broker redelivering the call): let the
        // first attempt finish rather than announce twice.
        if (this.#clock.nowMicros() - existing.createdAtUs < this.#leaseUs) throw new RetryLaterError('this sign-up is still being completed; retry shortly');
        // The first attempt stopped between the commit and a confirmed announcement (a broker
        // outage, a crash): announce now (billing opens an account only if absent).
        await this.#announce(existing);
      }
      return toUser(existing);
    }
    throw new ConflictError('a user with this email already exists', 'email');
  }

  /** The user these credentials belong to; one answer for an unknown email and a wrong password. */
  async authenticate(input: unknown): Promise<User> {
    const { email, password } = parseOrThrow(credentialsSchema, input);
    const record = await this.#users.findByEmail(email);
    const ok = record ? await this.#passwords.verify(password, record.passwordHash) : await this.#passwords.verifyNothing(password);
    if (!record || !ok) throw new UnauthorizedError('invalid email or password');
    return toUser(record);
  }

  async get(id: unknown): Promise<User> {
    const userId = parseOrThrow(uuidSchema, id, 'id');
    const record = await this.#users.findById(userId);
    if (!record) throw new NotFoundError(`user ${userId} not found`);
    return toUser(record);
  }

  /**
   * Many users in one storage call, each answered as get() would: the user, or the error get()
   * throws (a malformed id, an unknown user), in the order asked.
   */
  async getMany(ids: readonly unknown[]): Promise<Array<User | DomainError>> {
    const parsed = ids.map((id) => {
      try {
        return parseOrThrow(uuidSchema, id, 'id');
      } catch (err) {
        if (err instanceof DomainError) return err;
        throw err;
      }
    });
    const valid = parsed.filter((p): p is string => typeof p === 'string');
    const found = new Map((valid.length ? await this.#users.findByIds([...new Set(valid)]) : []).map((r) => [r.id, r]));
    return parsed.map((p) => {
      if (typeof p !== 'string') return p;
      const r = found.get(p);
      return r ? toUser(r) : new NotFoundError(`user ${p} not found`);
    });
  }

  /** A predicate: a malformed id simply does not exist. */
  async exists(id: unknown): Promise<boolean> {
    return isUuid(id) && this.#users.existsById(id.toLowerCase());
  }

  // After the commit: a consumer never hears of a user that does not exist. Marked once the
  // bus confirmed it, so that a retry re-announces only what may never have been heard.
  async #announce(r: UserRecord): Promise<void> {
    await this.#events.publish({
      type: 'UserRegistered',
      eventId: randomUUID(),
      userId: r.id,
      email: r.email,
      occurredAt: microsToIso(r.createdAtUs),
    });
    await this.#users.markAnnounced(r.id, this.#clock.nowMicros());
  }
}

/** The public shape: never the password hash. */
export function toUser(r: UserRecord): User {
  return { id: r.id, name: r.name, email: r.email, createdAt: microsToIso(r.createdAtUs) };
}

/** The monolith's UserDirectory: a plain function call into the users service. */
export function localUserDirectory(users: Pick<UserService, 'exists'>): UserDirectory {
  return { exists: (id) => users.exists(id) };
}

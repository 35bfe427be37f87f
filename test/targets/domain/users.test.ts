import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError } from '../../../targets/domain/errors.js';
import type { EventBus } from '../../../targets/domain/events.js';
import { UpstreamError } from '../../../targets/transports/upstream-error.js';
import { DEFAULT_ANNOUNCE_LEASE_MS } from '../../../targets/domain/users/user-service.js';
import { domainFixture, TEST_SCRYPT_N } from '../fixtures.js';

let f: ReturnType<typeof domainFixture>;
beforeEach(() => {
  f = domainFixture();
});
afterEach(async () => {
  await f.close();
});

const PW = 'correct horse';

async function fieldOf(p: Promise<unknown>): Promise<string | undefined> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).field;
}

describe('UserService', () => {
  it('registers with a trimmed name and a lowercased email, and gets it back', async () => {
    const u = await f.users.register({ name: '  Grace Hopper ', email: ' Grace@Navy.MIL ', password: 'correct horse' });
    expect(u).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Grace Hopper', email: 'grace@navy.mil', createdAt: expect.any(String) });
    expect(new Date(u.createdAt).toISOString()).toBe(u.createdAt);
    expect(await f.users.get(u.id)).toEqual(u);
    expect(await f.users.get(u.id.toUpperCase())).toEqual(u);
    expect(await f.users.exists(u.id)).toBe(true);
  });

  it('rejects a duplicate email, whatever its case', async () => {
    await f.users.register({ name: 'A', email: 'dup@example.com', password: 'correct horse' });
    await expect(f.users.register({ name: 'B', email: 'DUP@Example.com', password: 'correct horse' })).rejects.toBeInstanceOf(ConflictError);
  });

  it.each([
    [{ email: 'a@b.co', password: PW }, 'name'],
    [{ name: '   ', email: 'a@b.co', password: PW }, 'name'],
    [{ name: 'x'.repeat(101), email: 'a@b.co', password: PW }, 'name'],
    [{ name: 1, email: 'a@b.co', password: PW }, 'name'],
    [{ name: 'A', password: PW }, 'email'],
    [{ name: 'A', email: 'not-an-email', password: PW }, 'email'],
    [{ name: 'A', email: 'a@b.co', password: PW, admin: true }, 'admin'],
    [{ name: 'A', email: 'a@b.co' }, 'password'],
    [{ name: 'A', email: 'a@b.co', password: 'short' }, 'password'],
    [{ name: 'A', email: 'a@b.co', password: 'p'.repeat(129) }, 'password'],
    [{ name: 'A', email: 'a@b.co', password: 12345678 }, 'password'],
    [[], 'body'],
    [null, 'body'],
  ])('rejects %j with a validation error on %s', async (input, field) => {
    expect(await fieldOf(f.users.register(input))).toBe(field);
  });

  it('accepts a 100-character name', async () => {
    await expect(f.users.register({ name: 'x'.repeat(100), email: 'long@b.co', password: 'correct horse' })).resolves.toMatchObject({ name: 'x'.repeat(100) });
  });

  it('gives a validation error on a malformed id and not_found on an unknown one', async () => {
    expect(await fieldOf(f.users.get('nope'))).toBe('id');
    await expect(f.users.get('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
    expect(await f.users.exists('nope')).toBe(false);
    expect(await f.users.exists('00000000-0000-4000-8000-000000000000')).toBe(false);
  });

  it('publishes UserRegistered, which opens a billing account', async () => {
    const seen: string[] = [];
    f.bus.subscribe('UserRegistered', async (e) => {
      seen.push(e.userId);
    });
    const u = await f.users.register({ name: 'Evt', email: 'evt@b.co', password: 'correct horse' });
    expect(seen).toEqual([u.id]);
    expect(await f.billing.hasAccount(u.id)).toBe(true);
  });

  it('does not publish when registration fails', async () => {
    await f.users.register({ name: 'A', email: 'once@b.co', password: 'correct horse' });
    let count = 0;
    f.bus.subscribe('UserRegistered', async () => {
      count++;
    });
    await expect(f.users.register({ name: 'B', email: 'once@b.co', password: 'correct horse' })).rejects.toThrow();
    expect(count).toBe(0);
  });
});

describe('UserService passwords', () => {
  it('stores a salted scrypt hash at the configured cost, never the password, and never returns it', async () => {
    const a = await f.users.register({ name: 'A', email: 'a@pw.co', password: PW });
    const b = await f.users.register({ name: 'B', email: 'b@pw.co', password: PW });
    expect(Object.keys(a).sort()).toEqual(['createdAt', 'email', 'id', 'name']);
    const ra = await f.usersStorage.users.findByEmail('a@pw.co');
    const rb = await f.usersStorage.users.findByEmail('b@pw.co');
    expect(ra?.passwordHash).toMatch(new RegExp(`^scrypt\\$${TEST_SCRYPT_N}\\$8\\$1\\$`));
    expect(ra?.passwordHash).not.toContain(PW);
    expect(ra?.passwordHash).not.toBe(rb?.passwordHash); // salted
    expect(await f.users.get(a.id)).toEqual(a);
  });

  it('authenticates the right password and answers an unknown email and a wrong password alike', async () => {
    const u = await f.users.register({ name: 'A', email: 'signin@pw.co', password: PW });
    await expect(f.users.authenticate({ email: ' SignIn@pw.co', password: PW })).resolves.toEqual(u);
    const wrong = await f.users.authenticate({ email: 'signin@pw.co', password: 'wrong horse' }).catch((e: unknown) => e);
    const unknown = await f.users.authenticate({ email: 'nobody@pw.co', password: PW }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(UnauthorizedError);
    expect(unknown).toBeInstanceOf(UnauthorizedError);
    expect({ ...(wrong as UnauthorizedError) }).toEqual({ ...(unknown as UnauthorizedError) });
    expect((wrong as Error).message).toBe((unknown as Error).message);
  });

  it.each([
    [{ password: PW }, 'email'],
    [{ email: 'a@b.co' }, 'password'],
    [{ email: 'a@b.co', password: '' }, 'password'],
    [{ email: 'a@b.co', password: PW, admin: true }, 'admin'],
  ])('validates credentials %j on %s', async (input, field) => {
    expect(await fieldOf(f.users.authenticate(input))).toBe(field);
  });
});

describe('UserService sign-up retries (idempotent)', () => {
  it('a retry with the same name, email and password answers the same user, and does not announce it twice', async () => {
    const seen: string[] = [];
    f.bus.subscribe('UserRegistered', async (e) => {
      seen.push(e.userId);
    });
    const first = await f.users.register({ name: 'Retry', email: 'retry@pw.co', password: PW });
    const again = await f.users.register({ name: ' Retry ', email: 'RETRY@pw.co', password: PW });
    expect(again).toEqual(first);
    expect(seen).toEqual([first.id]);
  });

  it('a sign-up that failed after its commit (503 from the event hop) succeeds on retry, and billing opens the account', async () => {
    let failNext = true;
    const flaky = (bus: EventBus): EventBus => ({
      subscribe: (type, handler) => bus.subscribe(type, handler),
      publish: async (event) => {
        if (failNext) {
          failNext = false;
          throw new UpstreamError('unavailable', 'billing', 'broker down');
        }
        return bus.publish(event);
      },
    });
    await f.close();
    f = domainFixture(flaky);
    const input = { name: 'Flaky', email: 'flaky@pw.co', password: PW };
    await expect(f.users.register(input)).rejects.toMatchObject({ status: 503 });
    const committed = await f.usersStorage.users.findByEmail('flaky@pw.co');
    expect(committed).toMatchObject({ announcedAtUs: null });
    expect(await f.billing.hasAccount(committed!.id)).toBe(false);
    // Right away, the first attempt might still be announcing: retry later (503), announce nothing.
    await expect(f.users.register(input)).rejects.toMatchObject({ code: 'unavailable', status: 503 });
    expect(await f.billing.hasAccount(committed!.id)).toBe(false);
    f.clock.us += DEFAULT_ANNOUNCE_LEASE_MS * 1000;
    const retried = await f.users.register(input);
    expect(retried.id).toBe(committed?.id);
    expect(await f.billing.hasAccount(retried.id)).toBe(true);
    expect((await f.usersStorage.users.findByEmail('flaky@pw.co'))?.announcedAtUs).toEqual(expect.any(Number));
  });

  it('a retry with another password or another name is still a conflict', async () => {
    await f.users.register({ name: 'Once', email: 'once@pw.co', password: PW });
    await expect(f.users.register({ name: 'Once', email: 'once@pw.co', password: 'other horse' })).rejects.toBeInstanceOf(ConflictError);
    await expect(f.users.register({ name: 'Twice', email: 'once@pw.co', password: PW })).rejects.toBeInstanceOf(ConflictError);
  });
});

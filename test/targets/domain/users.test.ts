import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../targets/domain/errors.js';
import { domainFixture } from '../fixtures.js';

let f: ReturnType<typeof domainFixture>;
beforeEach(() => {
  f = domainFixture();
});
afterEach(async () => {
  await f.close();
});

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
    const u = await f.users.register({ name: '  Grace Hopper ', email: ' Grace@Navy.MIL ' });
    expect(u).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Grace Hopper', email: 'grace@navy.mil', createdAt: expect.any(String) });
    expect(new Date(u.createdAt).toISOString()).toBe(u.createdAt);
    expect(await f.users.get(u.id)).toEqual(u);
    expect(await f.users.get(u.id.toUpperCase())).toEqual(u);
    expect(await f.users.exists(u.id)).toBe(true);
  });

  it('rejects a duplicate email, whatever its case', async () => {
    await f.users.register({ name: 'A', email: 'dup@example.com' });
    await expect(f.users.register({ name: 'B', email: 'DUP@Example.com' })).rejects.toBeInstanceOf(ConflictError);
  });

  it.each([
    [{ email: 'a@b.co' }, 'name'],
    [{ name: '   ', email: 'a@b.co' }, 'name'],
    [{ name: 'x'.repeat(101), email: 'a@b.co' }, 'name'],
    [{ name: 1, email: 'a@b.co' }, 'name'],
    [{ name: 'A' }, 'email'],
    [{ name: 'A', email: 'not-an-email' }, 'email'],
    [{ name: 'A', email: 'a@b.co', admin: true }, 'admin'],
    [[], 'body'],
    [null, 'body'],
  ])('rejects %j with a validation error on %s', async (input, field) => {
    expect(await fieldOf(f.users.register(input))).toBe(field);
  });

  it('accepts a 100-character name', async () => {
    await expect(f.users.register({ name: 'x'.repeat(100), email: 'long@b.co' })).resolves.toMatchObject({ name: 'x'.repeat(100) });
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
    const u = await f.users.register({ name: 'Evt', email: 'evt@b.co' });
    expect(seen).toEqual([u.id]);
    expect(await f.billing.hasAccount(u.id)).toBe(true);
  });

  it('does not publish when registration fails', async () => {
    await f.users.register({ name: 'A', email: 'once@b.co' });
    let count = 0;
    f.bus.subscribe('UserRegistered', async () => {
      count++;
    });
    await expect(f.users.register({ name: 'B', email: 'once@b.co' })).rejects.toThrow();
    expect(count).toBe(0);
  });
});

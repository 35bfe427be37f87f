import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { TokenService } from '../../../targets/domain/auth/token-service.js';
import { UnauthorizedError } from '../../../targets/domain/errors.js';

const SECRET = 'test-secret-of-sufficient-length';
const key = new TextEncoder().encode(SECRET);
const USER_ID = '0b7e4c5e-8a4f-4d2a-9a53-3f1f0f6f2a11';
const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('TokenService', () => {
  const tokens = new TokenService({ secret: SECRET });

  it('issues an HS256 token whose subject is the user id, valid for 15 minutes', async () => {
    const { token } = await tokens.issue(USER_ID);
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    const claims = decodeJwt(token);
    expect(claims.sub).toBe(USER_ID);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(900);
    await expect(tokens.verify(token)).resolves.toMatchObject({ sub: USER_ID });
    await expect(tokens.verifyAuthorization(`Bearer ${token}`)).resolves.toBeDefined();
  });

  it('refuses an expired token', async () => {
    let now = 1_800_000_000;
    const clocked = new TokenService({ secret: SECRET, nowSeconds: () => now });
    const { token } = await clocked.issue(USER_ID);
    await expect(clocked.verify(token)).resolves.toBeDefined();
    now += 15 * 60 + 1;
    await expect(clocked.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('refuses alg:none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'a@b.co', exp: now + 60 })}.`;
    await expect(tokens.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('refuses a token signed with another secret', async () => {
    const other = new TokenService({ secret: 'another-secret-of-enough-length' });
    const { token } = await other.issue(USER_ID);
    await expect(tokens.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('refuses a correctly signed token without exp', async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('a@b.co').sign(key);
    await expect(tokens.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('refuses an HS512 token even with the right secret (algorithm pinned)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS512' }).setSubject('a@b.co').setExpirationTime(now + 60).sign(key);
    await expect(tokens.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it.each([undefined, '', 'Bearer', 'Basic abc', 'Bearer garbage'])('refuses the Authorization header %j', async (h) => {
    await expect(tokens.verifyAuthorization(h)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('refuses a short secret at construction', () => {
    expect(() => new TokenService({ secret: 'short' })).toThrow(/at least/);
  });
});

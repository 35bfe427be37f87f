// Tokens a correct target must refuse: forged, unsigned, expired, wrongly keyed.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';

const enc = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const nowS = () => Math.floor(Date.now() / 1000);

/** `alg: none`, no signature: the classic bypass. */
export function unsignedToken(sub: string): string {
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub, iat: nowS(), exp: nowS() + 900 })}.`;
}

export function hs256(secret: string, claims: { sub: string; iat?: number; exp?: number }): Promise<string> {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(claims.sub);
  if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  return jwt.sign(new TextEncoder().encode(secret));
}

export function wrongSecretToken(sub: string): Promise<string> {
  return hs256(randomBytes(32).toString('base64url'), { sub, iat: nowS(), exp: nowS() + 900 });
}

export function expiredToken(secret: string, sub: string): Promise<string> {
  return hs256(secret, { sub, iat: nowS() - 3600, exp: nowS() - 1800 });
}

/** Validly signed but without `exp`: must be refused (requiredClaims). */
export function noExpiryToken(secret: string, sub: string): Promise<string> {
  return hs256(secret, { sub, iat: nowS() });
}

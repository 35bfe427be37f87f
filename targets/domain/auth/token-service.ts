// Issues and verifies access tokens: HS256 JWTs, 15 minutes, subject = user id. Who may have
// a token is the users service's answer (UserService.authenticate checks the password).
// Verification pins the algorithm and requires `exp`: jose only checks exp when present.
import { SignJWT, jwtVerify } from 'jose';
import { UnauthorizedError } from '../errors.js';

export const TOKEN_TTL_SECONDS = 15 * 60;
export const MIN_SECRET_LENGTH = 16;

export interface TokenClaims {
  sub: string;
  exp: number;
}

export interface TokenServiceOptions {
  secret: string;
  /** Seconds since the epoch; tests move time with it. */
  nowSeconds?: () => number;
}

export class TokenService {
  readonly #key: Uint8Array;
  readonly #now: () => number;

  constructor(opts: TokenServiceOptions) {
    if (opts.secret.length < MIN_SECRET_LENGTH) {
      // A configuration error, not a client error: fail at start-up.
      throw new Error(`jwt secret must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    this.#key = new TextEncoder().encode(opts.secret);
    this.#now = opts.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  }

  /** `subject`: the id of an authenticated user. */
  async issue(subject: string): Promise<{ token: string }> {
    const now = this.#now();
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(subject)
      .setIssuedAt(now)
      .setExpirationTime(now + TOKEN_TTL_SECONDS)
      .sign(this.#key);
    return { token };
  }

  /** Any failure (signature, algorithm, expiry, shape) is the same 401 to the caller. */
  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(this.#now() * 1000),
      });
      return { sub: String(payload.sub), exp: Number(payload.exp) };
    } catch {
      throw new UnauthorizedError('invalid or expired token');
    }
  }

  /** Verifies an `Authorization` header value ("Bearer <token>"). */
  async verifyAuthorization(header: string | undefined): Promise<TokenClaims> {
    const m = header === undefined ? null : /^Bearer +([^\s]+) *$/i.exec(header);
    if (!m?.[1]) throw new UnauthorizedError('missing bearer token');
    return this.verify(m[1]);
  }
}


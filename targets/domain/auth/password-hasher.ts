// Passwords are stored as salted scrypt hashes (node:crypto). The cost N is a target setting:
// benchmarks want a cheap, known cost per sign-up; a real service would use N >= 2^14.
// Stored form: scrypt$<N>$<r>$<p>$<salt b64url>$<hash b64url>, so a change of N keeps old hashes valid.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const DEFAULT_SCRYPT_N = 512;
export const MIN_SCRYPT_N = 2;
export const MAX_SCRYPT_N = 2 ** 20;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export function isValidScryptN(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_SCRYPT_N && n <= MAX_SCRYPT_N && (n & (n - 1)) === 0;
}

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  // 128 * N * r bytes of scratch; the default maxmem (32 MiB) would refuse N = 2^15 and up.
  const maxmem = 256 * (opts.N ?? 1) * (opts.r ?? R) + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...opts, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export class PasswordHasher {
  readonly n: number;
  #dummy: Promise<string> | undefined;

  constructor(n: number = DEFAULT_SCRYPT_N) {
    if (!isValidScryptN(n)) throw new Error(`scrypt N must be a power of two in ${MIN_SCRYPT_N}..${MAX_SCRYPT_N}, got ${n}`);
    this.n = n;
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, { N: this.n, r: R, p: P });
    return `scrypt$${this.n}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  /** Constant-time comparison; a malformed stored value is simply a mismatch. */
  async verify(password: string, stored: string): Promise<boolean> {
    const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
    if (!m) return false;
    const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isValidScryptN(N) || r < 1 || r > 32 || p < 1 || p > 16) return false;
    const expected = Buffer.from(m[5]!, 'base64url');
    const key = await derive(password, Buffer.from(m[4]!, 'base64url'), { N, r, p });
    return key.length === expected.length && timingSafeEqual(key, expected);
  }

  /** Spends one verification's time on an unknown email, so timing does not tell which emails exist. */
  async verifyNothing(password: string): Promise<false> {
    this.#dummy ??= this.hash(randomBytes(12).toString('base64url'));
    await this.verify(password, await this.#dummy);
    return false;
  }
}

// bare-node-http: the reference peer. node:http only, no framework, no domain layer: the
// users table is read and written through the SAME SQLite adapter (and so the same SQL) as the
// monolith, so monolith minus this measures framework + domain overhead. Minimal checks by design,
// but the HTTP edge behaves as every other target's: unreadable requests, encoded bodies and
// wrong methods get the same answers (contracts/http).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { isIdentityEncoding, UNSUPPORTED_ENCODING_MESSAGE } from '../contracts/http/body.js';
import { cpuBurner } from '../contracts/http/busy-work.js';
import type { HttpResponse } from '../contracts/http/errors.js';
import { BODY_LIMIT_BYTES } from '../contracts/http/limits.js';
import { listenHttp } from '../contracts/http/listen.js';
import { unmatchedAnswer } from '../contracts/http/unmatched.js';
import { systemClock } from '../domain/clock.js';
import type { PasswordHasher } from '../domain/auth/password-hasher.js';
import type { UserRepository } from '../domain/ports.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../domain/users/schemas.js';
import { toUser } from '../domain/users/user-service.js';
import type { ChildServer } from '../lifecycle/child.js';

export interface BaselineOptions {
  host: string;
  port: number;
  injectCpuUs: number;
}

const USER_PATH = /^\/users\/([0-9a-f-]{36})$/;
const unmatched = unmatchedAnswer([
  { method: 'GET', path: '/health' },
  { method: 'POST', path: '/users' },
  { method: 'GET', path: '/users/:id' },
]);

function reply(res: ServerResponse, status: number, body: unknown, headers: HttpResponse['headers'] = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

function fail(res: ServerResponse, status: number, code: string, message: string, field?: string): void {
  reply(res, status, { error: field ? { code, message, field } : { code, message } });
}

/** Reads at most BODY_LIMIT_BYTES; undefined when the body is larger. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function registerUser(users: UserRepository, passwords: PasswordHasher, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const encoding = req.headers['content-encoding'];
  if (!isIdentityEncoding(encoding)) return fail(res, 415, 'unsupported_media_type', UNSUPPORTED_ENCODING_MESSAGE);
  const raw = await readBody(req);
  if (!raw) return fail(res, 413, 'payload_too_large', `request body exceeds ${BODY_LIMIT_BYTES} bytes`);
  let input: { name?: unknown; email?: unknown; password?: unknown };
  try {
    input = JSON.parse(raw.toString('utf8')) as typeof input;
  } catch {
    return fail(res, 400, 'validation', 'malformed JSON body', 'body');
  }
  const name = typeof input?.name === 'string' ? input.name.trim() : '';
  const email = typeof input?.email === 'string' ? input.email.trim().toLowerCase() : '';
  if (name.length < 1 || name.length > 100) return fail(res, 400, 'validation', 'invalid name', 'name');
  if (!email.includes('@')) return fail(res, 400, 'validation', 'invalid email', 'email');
  const password = typeof input?.password === 'string' ? input.password : '';
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) return fail(res, 400, 'validation', 'invalid password', 'password');
  // The same hash at the same cost as the monolith: a sign-up here costs what it costs there.
  const record = { id: randomUUID(), name, email, passwordHash: await passwords.hash(password), createdAtUs: systemClock.nowMicros(), announcedAtUs: null };
  if ((await users.insert(record)) === 'email_taken') {
    return fail(res, 409, 'conflict', 'a user with this email already exists', 'email');
  }
  reply(res, 201, toUser(record));
}

async function getUser(users: UserRepository, id: string, res: ServerResponse): Promise<void> {
  const record = await users.findById(id);
  if (!record) return fail(res, 404, 'not_found', `user ${id} not found`);
  reply(res, 200, toUser(record));
}

export async function serveBaseline(users: UserRepository, passwords: PasswordHasher, opts: BaselineOptions): Promise<ChildServer> {
  const burn = cpuBurner(opts.injectCpuUs);
  const server = createServer((req, res) => {
    burn?.();
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    let work: Promise<void> | void;
    let m: RegExpExecArray | null;
    // HEAD is GET without a body (node drops it), as the frameworks serve it.
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (read && path === '/health') work = reply(res, 200, { status: 'ok' });
    else if (req.method === 'POST' && path === '/users') work = registerUser(users, passwords, req, res);
    else if (read && (m = USER_PATH.exec(path)) && m[1]) work = getUser(users, m[1], res);
    else {
      const out = unmatched(req.method ?? '', path);
      work = reply(res, out.status, out.body, out.headers);
    }
    Promise.resolve(work).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) fail(res, 500, 'internal', 'internal error');
    });
  });
  return listenHttp(server, opts.host, opts.port);
}

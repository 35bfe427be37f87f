// The `web` middleware stack (issue 17 item 4), written once and called by both frameworks'
// edges so they carry the same work: parse cookies, load the signed session (or start one),
// check CSRF, save the session and set its cookie, write one access-log line per request.
// Body limits are not repeated here: both edges already enforce BODY_LIMIT_BYTES on every
// request (lean included), as the design requires.
//
// CSRF is what a browser form needs: it guards unsafe requests that carry ambient credentials
// (a session cookie) and no Bearer token. API calls authenticate with Authorization: Bearer,
// which a browser never attaches by itself, so they pass unchanged and the API still conforms.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { HttpResponse } from './errors.js';
import { MemorySessionStore, type SessionData } from './session-store.js';

export const SESSION_COOKIE = 'archbench.sid';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'XSRF-TOKEN';
const SESSION_TTL_MS = 30 * 60_000;
const MAX_SESSIONS = 50_000;

export interface WebRequest {
  method: string;
  path: string;
  cookie: string | undefined;
  authorization: string | undefined;
  csrfToken: string | undefined;
}

export interface WebExchange {
  /** Set-Cookie values to send with the answer: the session, and the CSRF token a page's script echoes back. */
  setCookies: string[];
  /** An answer instead of the route's (a failed CSRF check). */
  refused?: HttpResponse;
  /** Call once the answer is sent: writes the access-log line. */
  finish(status: number): void;
}

export interface WebStackOptions {
  /** HMAC key of the session cookie (the target's JWT secret is reused: one secret per target). */
  secret: string;
  /** Access log file, appended to. */
  logFile: string;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `a=1; b=2` -> Map; what cookie-parser does. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !out.has(name)) out.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return out;
}

export class WebStack {
  readonly #store = new MemorySessionStore(SESSION_TTL_MS, MAX_SESSIONS);
  readonly #secret: string;
  readonly #log: WriteStream;

  constructor(opts: WebStackOptions) {
    this.#secret = opts.secret;
    this.#log = createWriteStream(opts.logFile, { flags: 'a' });
  }

  #sign(id: string): string {
    return `${id}.${createHmac('sha256', this.#secret).update(id).digest('base64url')}`;
  }

  /** The session id of a well-signed cookie value, else undefined (a forged or stale cookie). */
  #unsign(value: string | undefined): string | undefined {
    if (!value) return undefined;
    const dot = value.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const expected = Buffer.from(this.#sign(value.slice(0, dot)));
    const given = Buffer.from(value);
    return expected.length === given.length && timingSafeEqual(expected, given) ? value.slice(0, dot) : undefined;
  }

  begin(req: WebRequest): WebExchange {
    const startNs = process.hrtime.bigint();
    const nowMs = Date.now();
    const cookieValue = parseCookies(req.cookie).get(SESSION_COOKIE);
    let id = this.#unsign(cookieValue);
    let session = id === undefined ? undefined : this.#store.load(id, nowMs);
    if (!id || !session) {
      id = randomBytes(18).toString('base64url');
      session = { csrfToken: randomBytes(18).toString('base64url'), visits: 0, lastSeenMs: nowMs };
    }
    const refused = this.#csrf(req, cookieValue !== undefined, session);
    const saved: SessionData = { ...session, visits: session.visits + 1, lastSeenMs: nowMs };
    this.#store.save(id, saved, nowMs);
    return {
      setCookies: [
        `${SESSION_COOKIE}=${this.#sign(id)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_MS / 1000}`,
        // Laravel's XSRF-TOKEN: readable by the page's own script, which sends it back in the header.
        `${CSRF_COOKIE}=${saved.csrfToken}; Path=/; SameSite=Lax`,
      ],
      ...(refused ? { refused } : {}),
      finish: (status) => {
        const ms = Number(process.hrtime.bigint() - startNs) / 1e6;
        this.#log.write(`${new Date(nowMs).toISOString()} ${process.pid} ${req.method} ${req.path} ${status} ${ms.toFixed(3)}ms\n`);
      },
    };
  }

  #csrf(req: WebRequest, hasCookie: boolean, session: SessionData): HttpResponse | undefined {
    if (!UNSAFE.has(req.method) || !hasCookie || req.authorization?.startsWith('Bearer ')) return undefined;
    if (req.csrfToken === session.csrfToken) return undefined;
    return { status: 403, body: { error: { code: 'forbidden', message: `missing or wrong ${CSRF_HEADER} for a cookie-authenticated form`, field: CSRF_HEADER } } };
  }

  /** Flushes the access log. */
  close(): Promise<void> {
    return new Promise((resolve) => this.#log.end(() => resolve()));
  }
}

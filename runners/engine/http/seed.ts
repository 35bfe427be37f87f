// Seeding over HTTP: data created through the public API, so it works for every architecture
// and for --url. Part of the HTTP load protocol (protocol.ts).
import { setMaxListeners } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { request } from 'undici';
import { MAX_429_RETRIES, retryAfterMs } from './retry-after.js';
import { seedPassword, type SeedData } from '../context.js';
import type { SeedSpec } from '../../../scenarios/define.js';

const CONCURRENCY = 16;

// Each call gets its own signal, linked to the shared one and unlinked when the call ends:
// fetch and undici release their abort listeners late (at GC or body close), which piled
// thousands of listeners on the shared signal when seeding thousands of rows.
async function post(base: string, path: string, body: unknown, shared: AbortSignal, auth?: string): Promise<Record<string, unknown>> {
  const own = new AbortController();
  const forward = () => own.abort(shared.reason);
  shared.addEventListener('abort', forward, { once: true });
  try {
    // A rate-limited target (--throttle) refuses before creating anything: retrying is safe.
    for (let attempt = 0; ; attempt++) {
      const res = await postOnce(base, path, body, own.signal, auth);
      if (res.status !== 429) return res.json;
      if (attempt >= MAX_429_RETRIES) throw new Error(`seed: POST ${path} answered 429 (rate limited) ${attempt + 1} times; seed fewer users or loosen the limit (--throttle)`);
      await delay(retryAfterMs(res.retryAfter, attempt), undefined, { signal: own.signal });
    }
  } finally {
    shared.removeEventListener('abort', forward);
  }
}

interface Answer {
  status: number;
  retryAfter?: string | string[];
  json: Record<string, unknown>;
}

async function postOnce(base: string, path: string, body: unknown, signal: AbortSignal, auth?: string): Promise<Answer> {
  const res = await request(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify(body),
    signal,
  });
  const text = await res.body.text();
  if (res.statusCode === 429) return { status: 429, retryAfter: res.headers['retry-after'], json: {} };
  if (res.statusCode >= 300) throw new Error(`seed: POST ${path} answered ${res.statusCode}: ${text.slice(0, 200)}`);
  return { status: res.statusCode, json: JSON.parse(text) as Record<string, unknown> };
}

async function inParallel(count: number, signal: AbortSignal, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      signal.throwIfAborted();
      await job(next++);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, worker));
}

export async function obtainToken(base: string, email: string, password: string, signal: AbortSignal): Promise<string> {
  const { token } = await post(base, '/auth/token', { email, password }, signal);
  if (typeof token !== 'string') throw new Error('seed: POST /auth/token returned no token');
  return `Bearer ${token}`;
}

export async function seed(base: string, spec: SeedSpec, runId: string, signal: AbortSignal): Promise<SeedData> {
  // post() keeps exactly one listener per request in flight on the shared signal.
  setMaxListeners(CONCURRENCY + 4, signal);
  // Targets let a user act on their own data only: each seeded user gets a token of their own.
  const needsTokens = spec.auth !== false || spec.invoicesPerUser > 0;
  const password = seedPassword(runId);
  const userIds: string[] = new Array(spec.users);
  const authorizations: string[] = needsTokens ? new Array(spec.users) : [];
  await inParallel(spec.users, signal, async (i) => {
    const email = `seed-${runId}-${i}@example.test`;
    const u = await post(base, '/users', { name: `Seed ${i}`, email, password }, signal);
    userIds[i] = String(u.id);
    if (needsTokens) authorizations[i] = await obtainToken(base, email, password, signal);
  });
  const invoiceIds: string[] = new Array(spec.users * spec.invoicesPerUser);
  const invoiceOwners: number[] = new Array(invoiceIds.length);
  await inParallel(invoiceIds.length, signal, async (i) => {
    const owner = i % spec.users;
    const inv = await post(base, '/invoices', { userId: userIds[owner], amountCents: 100 + i, currency: 'EUR' }, signal, authorizations[owner]);
    invoiceIds[i] = String(inv.id);
    invoiceOwners[i] = owner;
  });
  return { userIds, invoiceIds, authorization: authorizations[0] ?? '', authorizations, invoiceOwners };
}

// Seeding over HTTP: data created through the public API, so it works for every architecture
// and for --url. Part of the HTTP load protocol (protocol.ts).
import { setMaxListeners } from 'node:events';
import { request } from 'undici';
import type { SeedData } from '../context.js';
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
    return await postOnce(base, path, body, own.signal, auth);
  } finally {
    shared.removeEventListener('abort', forward);
  }
}

async function postOnce(base: string, path: string, body: unknown, signal: AbortSignal, auth?: string): Promise<Record<string, unknown>> {
  const res = await request(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify(body),
    signal,
  });
  const text = await res.body.text();
  if (res.statusCode >= 300) throw new Error(`seed: POST ${path} answered ${res.statusCode}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as Record<string, unknown>;
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

export async function obtainToken(base: string, email: string, signal: AbortSignal): Promise<string> {
  const { token } = await post(base, '/auth/token', { email }, signal);
  if (typeof token !== 'string') throw new Error('seed: POST /auth/token returned no token');
  return `Bearer ${token}`;
}

export async function seed(base: string, spec: SeedSpec, runId: string, signal: AbortSignal): Promise<SeedData> {
  // post() keeps exactly one listener per request in flight on the shared signal.
  setMaxListeners(CONCURRENCY + 4, signal);
  const needsToken = spec.auth !== false || spec.invoicesPerUser > 0;
  const authorization = needsToken ? await obtainToken(base, `seed-${runId}@example.test`, signal) : '';
  const userIds: string[] = new Array(spec.users);
  await inParallel(spec.users, signal, async (i) => {
    const u = await post(base, '/users', { name: `Seed ${i}`, email: `seed-${runId}-${i}@example.test` }, signal);
    userIds[i] = String(u.id);
  });
  const invoiceIds: string[] = new Array(spec.users * spec.invoicesPerUser);
  await inParallel(invoiceIds.length, signal, async (i) => {
    const inv = await post(
      base,
      '/invoices',
      { userId: userIds[i % spec.users], amountCents: 100 + i, currency: 'EUR' },
      signal,
      authorization,
    );
    invoiceIds[i] = String(inv.id);
  });
  // Invoice i belongs to user i % users (see the POST above), so ctx.invoice() can pair it with its owner.
  const invoiceOwners = invoiceIds.map((_, i) => i % spec.users);
  return { userIds, invoiceIds, authorization, invoiceOwners };
}

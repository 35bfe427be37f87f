// A reduced conformance pass for the `process` lifecycle, where every request costs a fresh
// process: one request per endpoint and per kind of answer (2xx, 400, 401, 403, 404, 409),
// checked for status and body. The full suite runs on every other lifecycle.
import { expect } from 'vitest';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(base: string, method: 'GET' | 'POST', path: string, opts: { json?: unknown; raw?: string; token?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (opts.json !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const body = opts.raw ?? (opts.json === undefined ? undefined : JSON.stringify(opts.json));
  const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}), signal: AbortSignal.timeout(30_000) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const errorOf = (a: Answer) => a.body.error as { code: string; field?: string };

export async function reducedConformance(base: string): Promise<void> {
  const suffix = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  expect(await call(base, 'GET', '/health')).toEqual({ status: 200, body: { status: 'ok' } });

  const email = `proc-${suffix}@example.com`;
  const password = `pw-${suffix}`;
  const created = await call(base, 'POST', '/users', { json: { name: ' Ada ', email, password } });
  expect(created.status).toBe(201);
  expect(created.body).toEqual({ id: expect.any(String), name: 'Ada', email, createdAt: expect.any(String) });
  const userId = created.body.id as string;

  const tok = await call(base, 'POST', '/auth/token', { json: { email, password } });
  expect(tok.status).toBe(200);
  const token = tok.body.token as string;
  expect(token.split('.')).toHaveLength(3);
  expect((await call(base, 'POST', '/auth/token', { json: { email, password: `${password}!` } })).status).toBe(401);

  const dup = await call(base, 'POST', '/users', { json: { name: 'B', email: email.toUpperCase(), password } });
  expect([dup.status, errorOf(dup).code, errorOf(dup).field]).toEqual([409, 'conflict', 'email']);
  const bad = await call(base, 'POST', '/users', { json: { name: '', email: `x-${suffix}@example.com`, password } });
  expect([bad.status, errorOf(bad).code, errorOf(bad).field]).toEqual([400, 'validation', 'name']);
  const malformed = await call(base, 'POST', '/users', { raw: '{"name":' });
  expect([malformed.status, errorOf(malformed).field]).toEqual([400, 'body']);

  expect(await call(base, 'GET', `/users/${userId}`)).toEqual({ status: 200, body: created.body });
  expect((await call(base, 'GET', '/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  const badId = await call(base, 'GET', '/users/not-a-uuid');
  expect([badId.status, errorOf(badId).field]).toEqual([400, 'id']);

  const invoiceBody = { userId, amountCents: 1e11, currency: 'EUR' };
  expect((await call(base, 'POST', '/invoices', { json: invoiceBody })).status).toBe(401);
  const inv = await call(base, 'POST', '/invoices', { json: invoiceBody, token });
  expect(inv.status).toBe(201);
  expect(inv.body).toMatchObject({ userId, amountCents: 1e11, currency: 'EUR', status: 'open', paidAt: null });
  const theirs = await call(base, 'POST', '/invoices', { json: { ...invoiceBody, userId: '00000000-0000-4000-8000-000000000000' }, token });
  expect([theirs.status, errorOf(theirs).code]).toEqual([403, 'forbidden']);

  const list = await call(base, 'GET', `/users/${userId}/invoices?limit=5`, { token });
  expect(list).toEqual({ status: 200, body: { items: [inv.body], nextCursor: null } });

  const paid = await call(base, 'POST', `/invoices/${inv.body.id as string}/pay`, { token });
  expect(paid.status).toBe(200);
  expect(paid.body.status).toBe('paid');
  expect(await call(base, 'POST', `/invoices/${inv.body.id as string}/pay`, { token })).toEqual(paid);
  expect((await call(base, 'GET', '/no/such/route')).status).toBe(404);
}

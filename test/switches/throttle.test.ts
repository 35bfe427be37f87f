// --throttle for real: the limit is exact under concurrent load from several tokens on a
// two-worker target counting in Redis, both frameworks answer 429 alike, and /health is free.
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { findTarget } from '../../targets/catalog.js';
import { startTarget, type Started } from '../lifecycle/start.js';

let started: Started | undefined;
afterEach(async () => {
  await started?.cleanup();
  started = undefined;
});

async function signUp(url: string, i: number): Promise<{ id: string; token: string }> {
  const email = `throttle-${i}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const password = 'pw-throttle-1';
  const user = (await (await fetch(`${url}/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'T', email, password }) })).json()) as { id: string };
  const { token } = (await (await fetch(`${url}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })).json()) as { token: string };
  return { id: user.id, token };
}

/** Waits for the start of a fresh window of `windowS` seconds (Redis's clock is the machine's). */
async function atWindowStart(windowS: number): Promise<void> {
  const ms = windowS * 1000;
  await new Promise((r) => setTimeout(r, ms - (Date.now() % ms) + 20));
}

describe('--throttle', () => {
  it('allows exactly N per token per window across 2 workers (Redis), under concurrent load from 4 tokens', async () => {
    const limit = 200;
    const windowS = 5;
    // Sign-ups and tokens are anonymous: per address, so they need room too.
    started = await startTarget(findTarget('monolith-fastify-w2')!, { throttle: { limit, windowS } });
    const { url } = started.target;
    const users = await Promise.all([0, 1, 2, 3].map((i) => signUp(url, i)));
    await atWindowStart(windowS);
    const perUser = 2 * limit;
    const outcomes = await Promise.all(
      users.map(async (u) => {
        const counts = { ok: 0, limited: 0, other: 0, retryAfter: new Set<string>() };
        // 8 connections per token, 2x the limit in all, well inside one window.
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            for (let i = 0; i < perUser / 8; i++) {
              const res = await request(`${url}/users/${u.id}/invoices?limit=1`, { headers: { authorization: `Bearer ${u.token}` } });
              const body = (await res.body.json()) as { error?: { code: string } };
              if (res.statusCode === 200) counts.ok++;
              else if (res.statusCode === 429 && body.error?.code === 'too_many_requests') {
                counts.limited++;
                counts.retryAfter.add(String(res.headers['retry-after']));
              } else counts.other++;
            }
          }),
        );
        return counts;
      }),
    );
    for (const c of outcomes) {
      // Exact: a fixed window counted atomically in Redis (the test's 1% tolerance is not needed).
      expect(Math.abs(c.ok - limit)).toBeLessThanOrEqual(limit * 0.01);
      expect(c.ok + c.limited).toBe(perUser);
      expect(c.other).toBe(0);
      for (const ra of c.retryAfter) expect(Number(ra)).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(['monolith-fastify', 'monolith-express'])('%s: 429 in the API error format with Retry-After, /health never limited', async (name) => {
    started = await startTarget(findTarget(name)!, { throttle: { limit: 3, windowS: 60 } });
    const { url } = started.target;
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await fetch(`${url}/users/00000000-0000-4000-8000-000000000000`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await last!.json()).toEqual({ error: { code: 'too_many_requests', message: expect.stringMatching(/^rate limit exceeded; retry in \d+ s$/) } });
    for (let i = 0; i < 5; i++) expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});

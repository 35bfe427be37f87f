import { describe, expect, it } from 'vitest';
import { RequestMix } from '../../../runners/engine/request-mix.js';
import type { RequestContext } from '../../../scenarios/define.js';

function ctx(): RequestContext {
  let seed = 42;
  let n = 0;
  return {
    userId: () => 'u1',
    invoiceId: () => 'i1',
    actor: () => ({ userId: 'u1', authorization: 'Bearer x' }),
    ownedInvoice: () => ({ invoiceId: 'i1', authorization: 'Bearer x' }),
    authorization: 'Bearer x',
    unique: () => String(n++),
    // Deterministic LCG so the test is stable.
    random: () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648),
  };
}

describe('RequestMix', () => {
  it('draws requests in proportion to their weights', () => {
    const mix = new RequestMix(
      [
        { name: 'a', weight: 9, request: () => ({ method: 'GET', path: '/a' }) },
        { name: 'b', weight: 1, request: () => ({ method: 'GET', path: '/b' }) },
      ],
      ctx(),
    );
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 20000; i++) counts[mix.next().name as 'a' | 'b']++;
    expect(counts.a / 20000).toBeGreaterThan(0.88);
    expect(counts.a / 20000).toBeLessThan(0.92);
  });

  it('serialises bodies as JSON with a content type, and applies expected statuses', () => {
    const mix = new RequestMix([{ name: 'p', weight: 1, expect: [201], request: (c) => ({ method: 'POST', path: '/u', body: { id: c.unique() } }) }], ctx());
    const r = mix.next();
    expect(r.body).toBe('{"id":"0"}');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.expect(201)).toBe(true);
    expect(r.expect(200)).toBe(false);
  });
});

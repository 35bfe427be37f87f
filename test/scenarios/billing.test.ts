// POST /invoices/:id/pay is under load in the billing scenario, each payment with a token of the
// invoice's owner (ctx.ownedInvoice()).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../record/results.js';
import { requestContext } from '../../runners/engine/context.js';
import { bench } from '../helpers/cli.js';

describe('billing scenario', () => {
  it("ctx.ownedInvoice() pairs a seeded invoice with its owner's token", () => {
    const ctx = requestContext({ userIds: ['u0', 'u1'], invoiceIds: ['i0', 'i1', 'i2'], invoiceOwners: [0, 1, 0], authorizations: ['Bearer t0', 'Bearer t1'], authorization: 'Bearer t0' }, 'run');
    for (let n = 0; n < 50; n++) {
      const inv = ctx.ownedInvoice();
      expect(inv.authorization).toBe(inv.invoiceId === 'i1' ? 'Bearer t1' : 'Bearer t0');
    }
  });

  it('bench run billing pays seeded invoices without errors', async () => {
    const out = mkdtempSync(join(tmpdir(), 'archbench-billing-'));
    try {
      const r = await bench(['run', 'billing', '--targets', 'monolith-fastify', '--duration', '1', '--warmup', '0', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const run = (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results).runs[0]!;
      const pay = run.byRequest['POST /invoices/:id/pay']!;
      expect(pay.requests).toBeGreaterThan(0);
      expect(pay.errors).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

// The billing flow: create invoices, list them, pay them. Paying is idempotent, so a seeded
// invoice paid twice still answers 200; each payment uses its owner's token (ctx.ownedInvoice()).
import { defineScenario } from './define.js';
import { createInvoice, listInvoices, payInvoice } from './requests.js';

export default defineScenario({
  name: 'billing',
  description: 'Invoice payments (half), creation and paginated lists (a quarter each), authenticated, closed model.',
  seed: { users: 200, invoicesPerUser: 5 },
  requests: [payInvoice(2), createInvoice(1), listInvoices(1)],
  executor: { type: 'constant-vus', vus: 16, duration: '20s' },
  warmup: '5s',
  thresholds: { errors: ['rate<0.01'] },
});

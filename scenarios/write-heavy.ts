import { defineScenario } from './define.js';
import { createInvoice, createUser } from './requests.js';

export default defineScenario({
  name: 'write-heavy',
  description: 'Sign-ups with unique e-mails and invoice creation, half and half, closed model.',
  seed: { users: 500, invoicesPerUser: 0 },
  requests: [createUser(1), createInvoice(1)],
  executor: { type: 'constant-vus', vus: 16, duration: '20s' },
  warmup: '5s',
  thresholds: { errors: ['rate<0.01'] },
});

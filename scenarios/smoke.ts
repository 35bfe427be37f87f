import { defineScenario } from './define.js';
import { createInvoice, createUser, getUser, listInvoices } from './requests.js';

export default defineScenario({
  name: 'smoke',
  description: 'A few seconds of every request type: checks the whole pipeline, not a measurement to quote.',
  seed: { users: 50, invoicesPerUser: 2 },
  requests: [getUser(6), listInvoices(2), createInvoice(1), createUser(1)],
  executor: { type: 'constant-vus', vus: 8, duration: '3s' },
  warmup: '1s',
  thresholds: { errors: ['rate<0.01'] },
});

import { defineScenario } from './define.js';
import { getUser, listInvoices } from './requests.js';

export default defineScenario({
  name: 'read-heavy',
  description: '90% user look-ups, 10% paginated invoice lists (authenticated), closed model.',
  seed: { users: 1000, invoicesPerUser: 5 },
  requests: [getUser(9), listInvoices(1)],
  executor: { type: 'constant-vus', vus: 32, duration: '20s' },
  warmup: '5s',
  thresholds: { errors: ['rate<0.01'] },
});

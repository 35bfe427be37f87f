import { defineScenario } from './define.js';
import { listInvoices } from './requests.js';

// Authenticated reads from 8 tokens: with --throttle far above the load it shows the limiter's
// cost per request (in process, or in Redis on multi-process targets); with a limit below the
// load, every 429 counts as an error, so requests - errors is what the limit let through
// (8 tokens x limit x windows of the measured duration when it is exact).
export default defineScenario({
  name: 'throttle',
  description: 'Authenticated invoice lists from 8 tokens, closed model: run with --throttle N/S to see the rate limit\'s cost per request and, below the load, what it lets through (429s are errors here, so a limit below the load fails the 1% error threshold by design: read requests - errors).',
  seed: { users: 8, invoicesPerUser: 2 },
  requests: [listInvoices(1)],
  executor: { type: 'constant-vus', vus: 16, duration: '10s' },
  warmup: '3s',
  thresholds: { errors: ['rate<0.01'] },
});

import { defineScenario } from './define.js';
import { getUser, listInvoices } from './requests.js';

// Lean API middleware (issue 17 item 4): the API alone against the same API behind a web stack
// (cookie session load and save, CSRF check, one access-log line), on both frameworks. The
// difference in CPU per request is what "disable session middleware for API routes" buys.
// The generator keeps no cookies: each request starts a session, as a first visit does.
export default defineScenario({
  name: 'middleware-cost',
  description: 'CPU per request of the lean API edge against a web middleware stack (session, CSRF, access log), both frameworks.',
  seed: { users: 200, invoicesPerUser: 3 },
  requests: [getUser(80), listInvoices(20)],
  executor: { type: 'constant-vus', vus: 16, duration: '15s' },
  warmup: '3s',
  thresholds: { errors: ['rate<0.01'] },
  defaults: {
    targets: ['monolith-fastify', 'monolith-fastify-web', 'monolith-express', 'monolith-express-web'],
    baseline: 'monolith-fastify',
  },
});

import { defineScenario } from './define.js';
import { getUser } from './requests.js';

export default defineScenario({
  name: 'get-user',
  description: 'Only GET /users/:id: one indexed SQLite read per request, to measure framework overhead.',
  seed: { users: 1000, invoicesPerUser: 0, auth: false },
  requests: [getUser(1)],
  executor: { type: 'constant-vus', vus: 32, duration: '10s' },
  warmup: '3s',
  thresholds: { errors: ['rate<0.01'] },
});

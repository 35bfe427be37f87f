import { defineScenario } from './define.js';
import { getUser } from './requests.js';

// A few hot users read over and over: what `--cache memory|redis` buys (or costs) against the
// database read, per target. Results carry the cache's hit ratio (extra.cache).
export default defineScenario({
  name: 'cache-effect',
  description: 'Only GET /users/:id over 20 hot users, closed model: run with --cache none|memory|redis to see what a read-through cache buys; extra.cache has the hit ratio.',
  seed: { users: 20, invoicesPerUser: 0, auth: false },
  requests: [getUser(1)],
  executor: { type: 'constant-vus', vus: 32, duration: '10s' },
  warmup: '3s',
  thresholds: { errors: ['rate<0.01'] },
});

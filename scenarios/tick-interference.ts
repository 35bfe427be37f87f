import { defineScenario } from './define.js';
import { getUser, listInvoices } from './requests.js';

// Background ticks (issue 17 item 5, Octane::tick): a 5 ms CPU task every 100 ms inside the
// serving worker (requests wait behind it on the same event loop) against the same task in a
// separate process, and no tick. Open model at a fixed rate, so the wait shows in the tail
// instead of slowing the generator down (coordinated omission).
export default defineScenario({
  name: 'tick-interference',
  description: 'Tail latency with a 100ms:5ms tick in the worker, in a separate process, and without one (open model).',
  seed: { users: 200, invoicesPerUser: 3 },
  requests: [getUser(80), listInvoices(20)],
  executor: { type: 'constant-arrival-rate', rate: 400, timeUnit: '1s', duration: '15s', preAllocatedVUs: 64, maxVUs: 256 },
  warmup: '3s',
  thresholds: { errors: ['rate<0.01'] },
  defaults: {
    targets: ['monolith-fastify', 'monolith-fastify-tick', 'monolith-fastify-tick-process'],
    baseline: 'monolith-fastify',
  },
});

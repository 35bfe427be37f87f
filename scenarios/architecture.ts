import { defineScenario } from './define.js';
import { createInvoice, createUser, getUser, listInvoices } from './requests.js';

// The architecture comparison (shared/DESIGN.md section 1): read-heavy's mix (look-ups and
// invoice lists, 80%) plus a write mix (sign-ups that publish UserRegistered, invoices that
// make billing ask users, 20%), so every cross-service path of the micro topologies is loaded.
// Per-request results separate the reads from the writes; reports give ratios to the baseline.
// The seed is small so that the process-per-request lifecycle seeds in seconds, not minutes.
export default defineScenario({
  name: 'architecture',
  description: 'Reads (80%) and writes (20%) across both services; compares architectures to monolith-fastify.',
  seed: { users: 100, invoicesPerUser: 2 },
  requests: [getUser(72), listInvoices(8), createUser(10), createInvoice(10)],
  executor: { type: 'constant-vus', vus: 32, duration: '20s' },
  warmup: '5s',
  thresholds: { errors: ['rate<0.01'] },
  defaults: {
    targets: ['monolith-fastify', 'monolith-fastify-boot', 'monolith-fastify-process', 'micro-rest-fastify', 'micro-grpc-fastify'],
    baseline: 'monolith-fastify',
  },
});

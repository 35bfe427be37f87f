import { defineScenario } from './define.js';

export default defineScenario({
  name: 'grpc-get-user',
  description: 'Only users.Get over gRPC, straight to the users service (no gateway): one indexed SQLite read per call. Closed model; --rate N for the open model.',
  seed: { users: 1000, invoicesPerUser: 0, auth: false },
  requests: [{ name: 'users.Get', weight: 1, grpc: { service: 'archbench.users.v1.Users', method: 'Get', message: (ctx) => ({ id: ctx.userId() }) } }],
  executor: { type: 'constant-vus', vus: 32, duration: '10s' },
  warmup: '3s',
  thresholds: { errors: ['rate<0.01'] },
  defaults: { targets: ['svc-users-grpc'] },
});

// Calibration, closed model: the calibration target's known distribution measured with
// connections that each wait for their response. `bench selftest` compares with the truth.
import { defineScenario } from './define.js';

export default defineScenario({
  name: 'calibration',
  description: 'closed model against the calibration target (known latency distribution): checks the measurement itself',
  requests: [{ name: 'GET /', weight: 1, request: () => ({ method: 'GET', path: '/' }) }],
  executor: { type: 'constant-vus', vus: 8, duration: '10s' },
  warmup: '1s',
  thresholds: { errors: ['rate<0.01'] },
});

// Calibration, open model: a fixed arrival rate against the calibration target; latency from
// the intended send time. Moderate rate so neither side is CPU-bound on a small machine.
import { defineScenario } from './define.js';

export default defineScenario({
  name: 'calibration-open',
  description: 'open model (300 arrivals/s) against the calibration target: checks the measurement itself',
  requests: [{ name: 'GET /', weight: 1, request: () => ({ method: 'GET', path: '/' }) }],
  executor: { type: 'constant-arrival-rate', rate: 300, timeUnit: '1s', duration: '10s', preAllocatedVUs: 50, maxVUs: 400 },
  warmup: '1s',
  thresholds: { errors: ['rate<0.01'] },
});

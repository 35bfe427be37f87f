// Calibration with a stall: 6 s at a fixed rate against a server that freezes for 1 s at
// second 3 (target calibration-stall). No warm-up: the stall's clock starts at the first request.
import { defineScenario } from './define.js';

export default defineScenario({
  name: 'calibration-stall',
  description: 'open model (200 arrivals/s, 6 s) against calibration-stall (frozen 1 s at second 3): coordinated omission shows here',
  requests: [{ name: 'GET /', weight: 1, request: () => ({ method: 'GET', path: '/' }) }],
  executor: { type: 'constant-arrival-rate', rate: 200, timeUnit: '1s', duration: '6s', preAllocatedVUs: 50, maxVUs: 400 },
  warmup: 0,
  thresholds: { errors: ['rate<0.01'] },
});

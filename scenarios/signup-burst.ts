// Sign-up bursts, open model: the arrival rate jumps from a trickle to a burst and back, twice,
// so that UserRegistered piles up on the way to billing and drains between bursts. Three of four
// requests are sign-ups (each publishes UserRegistered), one creates an invoice (billing asks
// users whether the user exists over the same transport). Alongside request latency, a run of a
// micro target records the event latency (publish -> committed by billing) and the backlog at
// the end in results.json (runs[].extra.events). Latency is from the intended send time.
import { defineScenario } from './define.js';
import type { Stage } from './executor.js';
import { createInvoice, createUser } from './requests.js';

const BASE_RATE = 40;
const BURST_RATE = 400;

/** A quiet spell, a step up, a held burst, a step down: 8 s. Quiet first, so the warm-up (held at
 * the first stage's rate) warms up at the trickle, not at the burst. */
const burst: Stage[] = [
  { duration: '3s', target: BASE_RATE },
  { duration: '200ms', target: BURST_RATE },
  { duration: '2s', target: BURST_RATE },
  { duration: '200ms', target: BASE_RATE },
  { duration: '2600ms', target: BASE_RATE },
];

export default defineScenario({
  name: 'signup-burst',
  description: `sign-up bursts (${BASE_RATE} -> ${BURST_RATE} arrivals/s for 2 s, twice in 16 s), 3 sign-ups : 1 invoice, open model; event lag and backlog per run`,
  seed: { users: 200, invoicesPerUser: 0 },
  requests: [createUser(3), createInvoice(1)],
  executor: { type: 'ramping-arrival-rate', startRate: BASE_RATE, timeUnit: '1s', stages: [...burst, ...burst], preAllocatedVUs: 64, maxVUs: 512 },
  warmup: '3s',
  thresholds: { errors: ['rate<0.01'] },
});

// The monolith child's configuration, as sent by spec.ts through ARCHBENCH_CHILD_CONFIG.
// Validated on arrival: a bad config fails start-up with a clear message, not a late crash.
import { z } from 'zod';
import { serviceStorageSchema } from '../storage/registry.js';
import { switchesSchema } from '../switches.js';
import { tickConfigSchema } from '../lifecycle/tick.js';

export const monolithConfigSchema = z.strictObject({
  framework: z.enum(['fastify', 'express']),
  host: z.string().min(1),
  /** 0 = an ephemeral port, reported back in the ready message. */
  port: z.number().int().min(0).max(65535),
  jwtSecret: z.string().min(16),
  /** Password hashing cost (scrypt N); see contracts/password-cost.ts. */
  scryptN: z.number().int().min(2).max(2 ** 20),
  injectCpuUs: z.number().int().min(0),
  lifecycle: z.enum(['persistent', 'boot', 'process']),
  /** node:cluster worker processes; 1 = no cluster. */
  workers: z.number().int().min(1).max(64),
  /** `process` lifecycle: per-request processes at once. */
  processPool: z.number().int().min(1).max(256),
  /** Each service its own database (or schema). */
  storage: z.strictObject({ users: serviceStorageSchema, billing: serviceStorageSchema }),
  /** Debug only: the request-state probe on /health (`shared` = the deliberate leak the probe's test needs). */
  stateProbe: z.enum(['off', 'on', 'shared']),
  readyTimeoutMs: z.number().int().min(1),
  /** --cache, --throttle, --plant-leak. */
  switches: switchesSchema,
  // Edge switches (issue 17 items 4-6).
  /** web: session, CSRF and an access log before every route (contracts/http/web-stack.ts). */
  middleware: z.enum(['lean', 'web']),
  /** The web stack's access log. */
  accessLog: z.string().min(1),
  /** Present: serve POST /graphql, with (on) or without (off) a batching user loader. */
  graphqlLoader: z.enum(['on', 'off']).optional(),
  /** Present: a background tick (lifecycle/tick.ts). */
  tick: tickConfigSchema.optional(),
});
export type MonolithConfig = z.infer<typeof monolithConfigSchema>;
export type MonolithFramework = MonolithConfig['framework'];

export function parseMonolithConfig(raw: unknown): MonolithConfig {
  const r = monolithConfigSchema.safeParse(raw);
  if (!r.success) throw new Error(`invalid monolith config: ${z.prettifyError(r.error)}`);
  return r.data;
}

// The monolith child's configuration, as sent by spec.ts through ARCHBENCH_CHILD_CONFIG.
// Validated on arrival: a bad config fails start-up with a clear message, not a late crash.
import { z } from 'zod';

export const monolithConfigSchema = z.strictObject({
  framework: z.enum(['fastify', 'express']),
  host: z.string().min(1),
  /** 0 = an ephemeral port, reported back in the ready message. */
  port: z.number().int().min(0).max(65535),
  dataDir: z.string().min(1),
  jwtSecret: z.string().min(16),
  injectCpuUs: z.number().int().min(0),
});
export type MonolithConfig = z.infer<typeof monolithConfigSchema>;
export type MonolithFramework = MonolithConfig['framework'];

export function parseMonolithConfig(raw: unknown): MonolithConfig {
  const r = monolithConfigSchema.safeParse(raw);
  if (!r.success) throw new Error(`invalid monolith config: ${z.prettifyError(r.error)}`);
  return r.data;
}

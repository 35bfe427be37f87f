// The bare-node-http child's configuration, as sent by spec.ts.
import { z } from 'zod';

export const baselineConfigSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(0).max(65535),
  dataDir: z.string().min(1),
  injectCpuUs: z.number().int().min(0),
  /** Password hashing cost (scrypt N); see contracts/password-cost.ts. */
  scryptN: z.number().int().min(2).max(2 ** 20),
});
export type BaselineConfig = z.infer<typeof baselineConfigSchema>;

export function parseBaselineConfig(raw: unknown): BaselineConfig {
  const r = baselineConfigSchema.safeParse(raw);
  if (!r.success) throw new Error(`invalid baseline config: ${z.prettifyError(r.error)}`);
  return r.data;
}

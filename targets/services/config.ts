// Child configurations of the micro topology's processes, as sent by targets/micro/topology.ts
// through ARCHBENCH_CHILD_CONFIG. Validated on arrival: a bad config fails start-up clearly.
import { z } from 'zod';
import { serviceStorageSchema } from '../storage/registry.js';
import { switchesSchema } from '../switches.js';
import { tickConfigSchema } from '../lifecycle/tick.js';

const endpointSchema = z.strictObject({ host: z.string().min(1), port: z.number().int().min(1).max(65535) });
export const peersSchema = z.strictObject({
  users: z.array(endpointSchema),
  billing: z.array(endpointSchema),
});
export type Peers = z.infer<typeof peersSchema>;

const common = {
  transport: z.string().min(1),
  host: z.string().min(1),
  /** 0 = an ephemeral port, reported back in the ready message. */
  port: z.number().int().min(0).max(65535),
  /** Deadline of every service call; past it the caller gets an UpstreamError. */
  callTimeoutMs: z.number().int().min(1),
  brokerUrl: z.string().optional(),
  /** Broker transports: prefix of every broker name, unique per target start. */
  brokerNamespace: z.string().optional(),
  /** --cache (users), --throttle and --plant-leak (gateway). */
  switches: switchesSchema,
};

export const backendConfigSchema = z.strictObject({
  ...common,
  service: z.enum(['users', 'billing']),
  /** e.g. "billing#2" */
  instance: z.string().min(1),
  storage: serviceStorageSchema,
  /** Password hashing cost (scrypt N); see contracts/password-cost.ts. */
  scryptN: z.number().int().min(2).max(2 ** 20),
  /** Present (billing#1 only): the background tick aggregating billing totals (--tick). */
  tick: tickConfigSchema.optional(),
});
export type BackendConfig = z.infer<typeof backendConfigSchema>;

export const gatewayConfigSchema = z.strictObject({
  ...common,
  framework: z.enum(['fastify', 'express']),
  jwtSecret: z.string().min(16),
  injectCpuUs: z.number().int().min(0),
  /** The edge's middleware (issue 17 item 4); web adds session, CSRF and an access log. */
  middleware: z.enum(['lean', 'web']),
  accessLog: z.string().min(1),
  peers: peersSchema,
  /** Present: serve POST /graphql, with (on) or without (off) a batching user loader. */
  graphqlLoader: z.enum(['on', 'off']).optional(),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function parseConfig<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new Error(`invalid ${what} config: ${z.prettifyError(r.error)}`);
  return r.data;
}

/** IPC message from the harness once every backend instance listens. */
export interface PeersMessage {
  type: 'peers';
  peers: Peers;
}

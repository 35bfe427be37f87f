// The micro targets: a gateway (fastify or express) in front of users and billing services,
// each its own process with its own database, talking over a chosen transport.
//   micro-<transport>-<framework>       e.g. micro-rest-fastify, micro-grpc-express
// --replicas N runs N instances of users and of billing behind the gateway (round-robin).
import { jwtSecretFor } from '../contracts/jwt-secret.js';
import { scryptNFor } from '../contracts/password-cost.js';
import { provisionStorage } from '../storage/provision.js';
import { stoppingAlso } from '../lifecycle/owned.js';
import type { Framework, RunningTarget, StartContext, TargetSpec } from '../target.js';
import { startTopology } from './topology.js';
import { SWITCH_AXES, switchesFor } from '../switches.js';
import { mergeSwitches } from '../edge/switches.js';

export type GatewayFramework = Extract<Framework, 'fastify' | 'express'>;

/** Deadline of every service call: a dead or stuck service becomes a 503/504, never a hang. */
export const CALL_TIMEOUT_MS = 5000;

const TRANSPORT_WORDS: Record<string, string> = {
  rest: 'HTTP/1.1 JSON over undici keep-alive pools',
  grpc: 'gRPC (@grpc/grpc-js, protobuf, long-lived channels)',
};

export function microName(transport: string, framework: GatewayFramework): string {
  return `micro-${transport}-${framework}`;
}

export interface MicroOptions {
  /** Broker URL for broker transports (nats, amqp, redis). */
  brokerUrl?: (ctx: StartContext) => string;
  /** Prefix of every broker name, unique per start (broker transports). */
  brokerNamespace?: string;
}

export function micro(transport: string, framework: GatewayFramework, opts: MicroOptions = {}): TargetSpec {
  const name = microName(transport, framework);
  return {
    name,
    axes: { topology: 'micro', framework, lifecycle: 'persistent', workers: 1, storage: 'sqlite', transport, replicas: 1, ...SWITCH_AXES, middleware: 'lean', tick: 'off' },
    description: `${framework} gateway (JWT verified once at the edge) + users + billing processes, each with its own database, over ${TRANSPORT_WORDS[transport] ?? transport}; --graphql-loader serves POST /graphql at the gateway, --tick runs in billing (tickService axis)`,
    async start(ctx: StartContext): Promise<RunningTarget & { jwtSecret: string }> {
      const jwtSecret = jwtSecretFor(ctx);
      // One gateway process: its rate limit counts in memory unless --replicas would ever add gateways.
      const switches = await switchesFor(ctx.options, 1);
      const storage = await provisionStorage(ctx);
      return stoppingAlso(
        () => storage.release(),
        async () => ({
          ...(await startTopology(ctx, {
            name,
            framework,
            transport,
            replicas: ctx.options.replicas ?? 1,
            jwtSecret,
            scryptN: scryptNFor(ctx),
            storage: { users: storage.users, billing: storage.billing },
            callTimeoutMs: CALL_TIMEOUT_MS,
            switches,
            edge: mergeSwitches({}, ctx.options.edge),
            ...(opts.brokerUrl ? { brokerUrl: opts.brokerUrl(ctx) } : {}),
            ...(opts.brokerNamespace ? { brokerNamespace: opts.brokerNamespace } : {}),
          })),
          jwtSecret,
        }),
      );
    },
  };
}

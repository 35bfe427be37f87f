// svc-users-grpc: the users service on its own, reached directly over gRPC (no gateway), for
// the grpc runner. Billing runs beside it only as the consumer of UserRegistered, as in the
// micro targets: Register (used to seed) publishes to it and would fail without one.
// Its URL is grpc://host:port, so it is a reference target: the HTTP conformance suite does
// not apply, and `bench run` pairs it with gRPC scenarios only.
import { NO_SWITCHES } from '../switches.js';
import { scryptNFor } from '../contracts/password-cost.js';
import { childEntry, spawnService, type ServiceProcess, spawnOptionsFrom } from '../lifecycle/spawn.js';
import type { BackendConfig, PeersMessage } from '../services/config.js';
import { provisionStorage } from '../storage/provision.js';
import type { RunningTarget, StartContext, TargetSpec } from '../target.js';
import { CALL_TIMEOUT_MS } from './spec.js';
import { connectHost, ownDatabase, topologyTarget } from './topology.js';

const ENTRIES = { users: '../services/users/main.js', billing: '../services/billing/main.js' } as const;

function grpcUrl(host: string, port: number): string {
  const h = connectHost(host);
  return `grpc://${h.includes(':') ? `[${h}]` : h}:${port}`;
}

export function usersGrpcService(): TargetSpec {
  const name = 'svc-users-grpc';
  return {
    name,
    axes: { topology: 'micro', framework: 'none', lifecycle: 'persistent', workers: 1, storage: 'sqlite', transport: 'grpc' },
    description: 'the users service alone over gRPC (@grpc/grpc-js, users.proto), no gateway; billing beside it consumes UserRegistered',
    reference: true,
    protocol: 'grpc',
    async start(ctx: StartContext): Promise<RunningTarget> {
      const storage = await provisionStorage(ctx);
      const started: ServiceProcess[] = [];
      const stopAll = async () => {
        for (const p of [...started].reverse()) await p.stop().catch(() => undefined);
        await storage.release();
      };
      try {
        const spawned = await Promise.allSettled(
          (['users', 'billing'] as const).map(async (service) => {
            const config: BackendConfig = {
              service,
              instance: `${service}#1`,
              transport: 'grpc',
              host: ctx.host,
              port: 0,
              callTimeoutMs: CALL_TIMEOUT_MS,
              storage: ownDatabase(service === 'users' ? storage.users : storage.billing, service),
              scryptN: scryptNFor(ctx),
              // A reference gRPC endpoint: the playbook switches are the full targets'.
              switches: NO_SWITCHES,
            };
            const p = await spawnService({
              name: `${name}/${service}`,
              entry: childEntry(import.meta.url, ENTRIES[service]),
              config,
              ...spawnOptionsFrom(ctx),
            });
            started.push(p);
            return p;
          }),
        );
        // Both settle first: a failed start must not leave its sibling running.
        const failed = spawned.find((s): s is PromiseRejectedResult => s.status === 'rejected');
        if (failed) throw failed.reason;
        const [users, billing] = spawned.map((s) => (s as PromiseFulfilledResult<ServiceProcess>).value) as [ServiceProcess, ServiceProcess];
        const at = (p: ServiceProcess) => ({ host: connectHost(p.host), port: p.port });
        const peers: PeersMessage = { type: 'peers', peers: { users: [at(users)], billing: [at(billing)] } };
        users.send(peers);
        billing.send(peers);
        return topologyTarget(grpcUrl(users.host, users.port), [users, billing], stopAll);
      } catch (err) {
        await stopAll();
        throw err;
      }
    },
  };
}

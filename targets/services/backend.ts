// What users and billing share as processes: read config, open their own storage, learn the
// peers' addresses, serve over the chosen transport, close everything on the way out.
import type { ChildServer } from '../lifecycle/child.js';
import { openBillingStorage, openUsersStorage } from '../storage/registry.js';
import { PasswordHasher } from '../domain/auth/password-hasher.js';
import { loadTransport } from '../transports/registry.js';
import type { EventPublisher, ServedInstance, ServiceClient, Transport } from '../transports/transport.js';
import { billingApp } from './billing/app.js';
import { answerStatsRequests, EventStats } from './event-stats.js';
import { backendConfigSchema, parseConfig, type BackendConfig, type Peers } from './config.js';
import { awaitPeers } from './peers.js';
import { usersOperations } from './users/app.js';
import { answerCacheStats } from '../lifecycle/cache-stats.js';
import { withUserCache } from '../storage/cache/open.js';
import { startTick } from '../lifecycle/tick.js';

/** How long a backend waits for the harness to send its peers' addresses. */
const PEERS_TIMEOUT_MS = 60_000;

function peersFor(cfg: BackendConfig, transport: Transport): Promise<Peers> {
  // Broker transports meet at the broker: no addresses to wait for.
  return transport.kind === 'broker' ? Promise.resolve({ users: [], billing: [] }) : awaitPeers(PEERS_TIMEOUT_MS);
}

export async function startBackend(raw: unknown): Promise<ChildServer> {
  const cfg = parseConfig(backendConfigSchema, raw, 'backend service');
  const transport = await loadTransport(cfg.transport);
  const peers = peersFor(cfg, transport);
  // A peer that never arrives fails the calls that need it, not the process.
  peers.catch(() => undefined);
  const broker = { ...(cfg.brokerUrl === undefined ? {} : { brokerUrl: cfg.brokerUrl }), ...(cfg.brokerNamespace === undefined ? {} : { namespace: cfg.brokerNamespace }) };
  const stats = new EventStats();
  answerStatsRequests(stats);
  answerCacheStats();
  const serveOpts = { instance: cfg.instance, host: cfg.host, port: cfg.port, ...broker };
  const closers: Array<() => Promise<void>> = [];
  try {
    let served: ServedInstance;
    if (cfg.service === 'users') {
      const storage = await openUsersStorage(cfg.storage);
      closers.push(() => storage.close());
      const cached = await withUserCache(storage.users, cfg.switches);
      closers.push(() => cached.close());
      const publisher: Promise<EventPublisher> = peers.then(async (p) => stats.countPublishes(await transport.publisher({ peers: p, timeoutMs: cfg.callTimeoutMs, ...broker })));
      publisher.catch(() => undefined); // surfaces on the calls that need it
      closers.push(async () => (await publisher.catch(() => undefined))?.close());
      served = await transport.serve('users', usersOperations({ ...storage, users: cached.users }, publisher, new PasswordHasher(cfg.scryptN), cfg.callTimeoutMs), serveOpts);
    } else {
      const storage = await openBillingStorage(cfg.storage);
      closers.push(() => storage.close());
      const users: Promise<ServiceClient<'users'>> = peers.then((p) => transport.connect('users', { endpoints: p.users, timeoutMs: cfg.callTimeoutMs, ...broker }));
      users.catch(() => undefined); // surfaces on the calls that need it
      closers.push(async () => (await users.catch(() => undefined))?.close());
      const app = billingApp(storage, users, (event, delivery, opened) => stats.consumed(event, delivery, opened));
      // Billing runs the tick: its work is aggregating billing totals (Octane::tick in this service).
      if (cfg.tick) {
        const tick = await startTick(cfg.tick);
        closers.push(() => tick.close());
      }
      served = await transport.serve('billing', app.operations, { ...serveOpts, consumes: app.consumes });
    }
    closers.unshift(() => served.close());
    return {
      host: served.endpoint?.host ?? cfg.host,
      port: served.endpoint?.port ?? 0,
      close: () => closeAll(closers),
    };
  } catch (err) {
    await closeAll(closers);
    throw err;
  }
}

/** In order (server first, then clients and storage); every closer runs even if one fails. */
async function closeAll(closers: Array<() => Promise<void>>): Promise<void> {
  for (const close of closers) await close().catch(() => undefined);
}

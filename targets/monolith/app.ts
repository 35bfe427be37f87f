// Composition root of the monolith: storage adapters, the in-process bus, the services, and
// the routes bound to them. Frameworks receive the result and only serve it.
import { bindRoutes, verifiedOncePerRequest, type BoundRoute } from '../contracts/http/pipeline.js';
import { PasswordHasher } from '../domain/auth/password-hasher.js';
import { TokenService } from '../domain/auth/token-service.js';
import { BillingService } from '../domain/billing/billing-service.js';
import { InProcessEventBus } from '../domain/in-process-bus.js';
import { UserService, localUserDirectory } from '../domain/users/user-service.js';
import { asyncLocalScope, sharedScope } from '../lifecycle/request-scope.js';
import { withStateProbe } from '../lifecycle/state-probe.js';
import { edgeAuthenticate, throttledRoutes } from '../lifecycle/edge-switches.js';
import { withUserCache } from '../storage/cache/open.js';
import { NO_SWITCHES, type Switches } from '../switches.js';
import { openBillingStorage, openUsersStorage, type ServiceStorageConfig } from '../storage/registry.js';
import type { GraphQLEdge } from '../contracts/graphql/reads.js';
import { monolithGraphQLReads } from './graphql-reads.js';
import { monolithHandlers, type MonolithServices } from './handlers.js';

export interface MonolithAppOptions {
  storage: { users: ServiceStorageConfig; billing: ServiceStorageConfig };
  jwtSecret: string;
  /** Password hashing cost (scrypt N); PasswordHasher's default when absent. */
  scryptN?: number;
  /** Debug only (see lifecycle/state-probe.ts). */
  stateProbe?: 'off' | 'on' | 'shared';
  /** --cache, --throttle, --plant-leak (targets/switches.ts); none when absent. */
  switches?: Switches;
}

export interface MonolithApp {
  services: MonolithServices;
  routes: BoundRoute[];
  graphql: Omit<GraphQLEdge, 'loader'>;
  close(): Promise<void>;
}

export async function createMonolithApp(opts: MonolithAppOptions): Promise<MonolithApp> {
  const usersStorage = await openUsersStorage(opts.storage.users);
  const billingStorage = await openBillingStorage(opts.storage.billing).catch(async (err: unknown) => {
    await usersStorage.close();
    throw err;
  });
  const switches = opts.switches ?? NO_SWITCHES;
  const cached = await withUserCache(usersStorage.users, switches);
  const bus = new InProcessEventBus();
  const users = new UserService({ users: cached.users, events: bus, passwords: new PasswordHasher(opts.scryptN) });
  const billing = new BillingService({
    invoices: billingStorage.invoices,
    accounts: billingStorage.accounts,
    directory: localUserDirectory(users),
  });
  billing.subscribeTo(bus);
  const tokens = new TokenService({ secret: opts.jwtSecret });
  const services = { users, billing, tokens };
  const probe = opts.stateProbe ?? 'off';
  // One verification per request, shared by the rate limit and the route (issue 17).
  const verify = verifiedOncePerRequest((h) => tokens.verifyAuthorization(h));
  // GraphQL authenticates as the REST routes do (a planted leak reaches both).
  const authenticate = edgeAuthenticate(switches, verify);
  const switched = await throttledRoutes(bindRoutes(monolithHandlers(services), authenticate), switches, verify);
  const routes = switched.routes;
  return {
    services,
    graphql: { reads: monolithGraphQLReads(services), authenticate },
    // The probe's scope belongs to the container: shared across requests exactly when the container is.
    // Off (every benchmark), the routes are served unwrapped.
    routes: probe === 'off' ? routes : withStateProbe(routes, probe === 'shared' ? sharedScope() : asyncLocalScope()),
    close: async () => {
      await Promise.all([usersStorage.close(), billingStorage.close(), cached.close(), switched.close()]);
    },
  };
}

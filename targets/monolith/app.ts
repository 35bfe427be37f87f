// Composition root of the monolith: storage adapters, the in-process bus, the services, and
// the routes bound to them. Frameworks receive the result and only serve it.
import { bindRoutes, type BoundRoute } from '../contracts/http/pipeline.js';
import { TokenService } from '../domain/auth/token-service.js';
import { BillingService } from '../domain/billing/billing-service.js';
import { InProcessEventBus } from '../domain/in-process-bus.js';
import { UserService, localUserDirectory } from '../domain/users/user-service.js';
import { openSqliteBilling } from '../storage/sqlite/billing-storage.js';
import { openSqliteUsers } from '../storage/sqlite/users-storage.js';
import { monolithHandlers, type MonolithServices } from './handlers.js';

export interface MonolithAppOptions {
  dataDir: string;
  jwtSecret: string;
}

export interface MonolithApp {
  services: MonolithServices;
  routes: BoundRoute[];
  close(): Promise<void>;
}

export function createMonolithApp(opts: MonolithAppOptions): MonolithApp {
  const usersStorage = openSqliteUsers(opts.dataDir);
  const billingStorage = openSqliteBilling(opts.dataDir);
  const bus = new InProcessEventBus();
  const users = new UserService({ users: usersStorage.users, events: bus });
  const billing = new BillingService({
    invoices: billingStorage.invoices,
    accounts: billingStorage.accounts,
    directory: localUserDirectory(users),
  });
  billing.subscribeTo(bus);
  const tokens = new TokenService({ secret: opts.jwtSecret });
  const services = { users, billing, tokens };
  return {
    services,
    routes: bindRoutes(monolithHandlers(services), (h) => tokens.verifyAuthorization(h)),
    close: async () => {
      await Promise.all([usersStorage.close(), billingStorage.close()]);
    },
  };
}

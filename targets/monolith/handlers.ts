// Route -> domain call. Nothing else: validation and rules live in the domain.
import type { RouteHandlers } from '../contracts/api.js';
import type { TokenService } from '../domain/auth/token-service.js';
import type { BillingService } from '../domain/billing/billing-service.js';
import type { UserService } from '../domain/users/user-service.js';

export interface MonolithServices {
  users: UserService;
  billing: BillingService;
  tokens: TokenService;
}

export function monolithHandlers({ users, billing, tokens }: MonolithServices): RouteHandlers {
  return {
    health: async () => ({ status: 'ok' }),
    issueToken: async (req) => tokens.issue((await users.authenticate(req.body)).id),
    registerUser: (req) => users.register(req.body),
    getUser: (req) => users.get(req.params.id),
    createInvoice: (req) => billing.createInvoice(req.body, req.claims.sub),
    listInvoices: (req) => billing.listInvoices(req.params.id, req.query, req.claims.sub),
    payInvoice: (req) => billing.payInvoice(req.params.id, req.claims.sub),
  };
}

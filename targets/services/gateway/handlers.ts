// Route -> service call. The gateway validates untrusted input with the domain's own schemas
// (the same errors the monolith gives, before any hop) and sends typed requests; the token was
// verified once, at the edge, by the shared pipeline.
import type { RouteHandlers } from '../../contracts/api.js';
import type { TokenService } from '../../domain/auth/token-service.js';
import { createInvoiceSchema } from '../../domain/billing/schemas.js';
import { registerUserSchema } from '../../domain/users/schemas.js';
import { parseOrThrow } from '../../domain/validation.js';
import type { ServiceClient } from '../../transports/transport.js';

export interface GatewayClients {
  users: ServiceClient<'users'>;
  billing: ServiceClient<'billing'>;
  tokens: TokenService;
}

export function gatewayHandlers({ users, billing, tokens }: GatewayClients): RouteHandlers {
  return {
    health: async () => ({ status: 'ok' }),
    issueToken: (req) => tokens.issue(req.body),
    registerUser: (req) => users.register(parseOrThrow(registerUserSchema, req.body)),
    getUser: (req) => users.get({ id: req.params.id }),
    createInvoice: (req) => billing.createInvoice(parseOrThrow(createInvoiceSchema, req.body)),
    listInvoices: (req) => billing.listInvoices({ userId: req.params.id, ...req.query }),
    payInvoice: (req) => billing.payInvoice({ id: req.params.id }),
  };
}

// Route -> service call. The gateway validates untrusted input with the domain's own schemas
// (the same errors the monolith gives, before any hop) and sends typed requests; the token was
// verified once, at the edge, by the shared pipeline.
import type { RouteHandlers } from '../../contracts/api.js';
import type { TokenService } from '../../domain/auth/token-service.js';
import { createInvoiceSchema } from '../../domain/billing/schemas.js';
import { credentialsSchema, registerUserSchema } from '../../domain/users/schemas.js';
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
    issueToken: async (req) => tokens.issue((await users.authenticate(parseOrThrow(credentialsSchema, req.body))).id),
    registerUser: (req) => users.register(parseOrThrow(registerUserSchema, req.body)),
    getUser: (req) => users.get({ id: req.params.id }),
    // The verified subject travels with each call: billing decides ownership, not the gateway.
    createInvoice: (req) => billing.createInvoice({ ...parseOrThrow(createInvoiceSchema, req.body), subject: req.claims.sub }),
    listInvoices: (req) => billing.listInvoices({ userId: req.params.id, ...req.query, subject: req.claims.sub }),
    payInvoice: (req) => billing.payInvoice({ id: req.params.id, subject: req.claims.sub }),
  };
}

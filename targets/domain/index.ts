// Public surface of the domain: services, ports, errors, events.
export * from './errors.js';
export * from './model.js';
export * from './ports.js';
export * from './events.js';
export * from './clock.js';
export { InProcessEventBus } from './in-process-bus.js';
export { parseOrThrow, uuidSchema, isUuid } from './validation.js';
export { UserService, localUserDirectory, type UserServiceDeps } from './users/user-service.js';
export { registerUserSchema, emailSchema, type RegisterUserInput } from './users/schemas.js';
export { BillingService, type BillingServiceDeps } from './billing/billing-service.js';
export {
  createInvoiceSchema,
  listInvoicesOptionsSchema,
  currencySchema,
  MAX_AMOUNT_CENTS,
  DEFAULT_PAGE_LIMIT,
  MAX_PAGE_LIMIT,
  type CreateInvoiceInput,
  type ListInvoicesOptions,
} from './billing/schemas.js';
export { encodeCursor, decodeCursor } from './billing/cursor.js';
export { TokenService, issueTokenSchema, TOKEN_TTL_SECONDS, type TokenClaims } from './auth/token-service.js';

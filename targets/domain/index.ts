// Public surface of the domain: services, ports, errors, events.
export * from './errors.js';
export * from './model.js';
export * from './ports.js';
export * from './events.js';
export * from './clock.js';
export { InProcessEventBus } from './in-process-bus.js';
export { parseOrThrow, uuidSchema, isUuid } from './validation.js';
export { UserService, localUserDirectory, type UserServiceDeps } from './users/user-service.js';
export { registerUserSchema, credentialsSchema, emailSchema, passwordSchema, type RegisterUserInput, type Credentials } from './users/schemas.js';
export { PasswordHasher, DEFAULT_SCRYPT_N, isValidScryptN } from './auth/password-hasher.js';
export { subjectOf } from './auth/subject.js';
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
export { TokenService, TOKEN_TTL_SECONDS, type TokenClaims } from './auth/token-service.js';

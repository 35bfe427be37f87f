export { openPgUsers, PgUserRepository } from './users-storage.js';
export { openPgBilling, PgInvoiceRepository, PgBillingAccountRepository } from './billing-storage.js';
export { DEFAULT_PG_URL, StorageUnavailableError, redactUrl, type PgServiceOptions } from './connection.js';
export { createPgSchemas, newSchemaPrefix, type PgSchemas } from './schema.js';

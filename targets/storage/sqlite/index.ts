export { openSqliteUsers, SqliteUserRepository, USERS_DB_FILE } from './users-storage.js';
export { openSqliteBilling, SqliteInvoiceRepository, SqliteBillingAccountRepository, BILLING_DB_FILE } from './billing-storage.js';
export { openDatabase, type SqliteDb } from './database.js';

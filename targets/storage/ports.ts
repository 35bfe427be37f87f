// What a storage backend provides to a service process: the domain's repository ports plus a
// lifecycle. One bundle per service, because each service owns its own database.
import type { BillingAccountRepository, InvoiceRepository, UserRepository } from '../domain/ports.js';

export type { BillingAccountRepository, InvoiceRepository, UserRepository } from '../domain/ports.js';

export interface UsersStorage {
  readonly users: UserRepository;
  close(): Promise<void>;
}

export interface BillingStorage {
  readonly invoices: InvoiceRepository;
  readonly accounts: BillingAccountRepository;
  close(): Promise<void>;
}

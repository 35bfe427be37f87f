// The billing service as a process: its own database, the domain's BillingService, a
// UserDirectory that asks the users service over the chosen transport, and the consumer of
// UserRegistered (idempotent: opening an account that exists does nothing).
import { BillingService } from '../../domain/billing/billing-service.js';
import type { UserDirectory } from '../../domain/ports.js';
import type { BillingStorage } from '../../storage/ports.js';
import type { BillingOperations, DeliveryInfo, EventConsumers, ServiceClient } from '../../transports/transport.js';
import type { UserRegistered } from '../../domain/events.js';

/** Told after each committed UserRegistered; `opened` is false when it changed nothing (a redelivery). */
export type ConsumedObserver = (event: UserRegistered, delivery: DeliveryInfo | undefined, opened: boolean) => void;

export function remoteUserDirectory(users: Promise<ServiceClient<'users'>>): UserDirectory {
  return { exists: async (id) => (await users).exists({ id }) };
}

export interface BillingApp {
  operations: BillingOperations;
  consumes: EventConsumers;
}

export function billingApp(storage: BillingStorage, users: Promise<ServiceClient<'users'>>, onConsumed?: ConsumedObserver): BillingApp {
  const billing = new BillingService({ invoices: storage.invoices, accounts: storage.accounts, directory: remoteUserDirectory(users) });
  return {
    operations: {
      createInvoice: ({ subject, ...input }) => billing.createInvoice(input, subject),
      listInvoices: ({ userId, subject, ...options }) => billing.listInvoices(userId, withoutUndefined(options), subject),
      payInvoice: ({ id, subject }) => billing.payInvoice(id, subject),
    },
    consumes: {
      UserRegistered: async (event, delivery) => {
        const opened = await billing.handleUserRegistered(event);
        onConsumed?.(event, delivery, opened);
      },
    },
  };
}

// Transports may decode an absent optional field as an explicit undefined.
function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

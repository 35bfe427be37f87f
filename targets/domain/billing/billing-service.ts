// The billing service: invoices and billing accounts. It learns about users only through
// the UserDirectory port and the UserRegistered event.
import { randomUUID } from 'node:crypto';
import { microsToIso, systemClock, type Clock } from '../clock.js';
import { NotFoundError, UnprocessableError } from '../errors.js';
import type { EventBus, UserRegistered } from '../events.js';
import type { Invoice, InvoicePage } from '../model.js';
import type { BillingAccountRepository, InvoiceRecord, InvoiceRepository, UserDirectory } from '../ports.js';
import { parseOrThrow, uuidSchema } from '../validation.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { createInvoiceSchema, listInvoicesOptionsSchema } from './schemas.js';

export interface BillingServiceDeps {
  invoices: InvoiceRepository;
  accounts: BillingAccountRepository;
  directory: UserDirectory;
  clock?: Clock;
}

export class BillingService {
  readonly #invoices: InvoiceRepository;
  readonly #accounts: BillingAccountRepository;
  readonly #directory: UserDirectory;
  readonly #clock: Clock;

  constructor(deps: BillingServiceDeps) {
    this.#invoices = deps.invoices;
    this.#accounts = deps.accounts;
    this.#directory = deps.directory;
    this.#clock = deps.clock ?? systemClock;
  }

  async createInvoice(input: unknown): Promise<Invoice> {
    const cmd = parseOrThrow(createInvoiceSchema, input);
    // Well-formed but unknown user: the request is understood yet cannot be honoured (422).
    if (!(await this.#directory.exists(cmd.userId))) {
      throw new UnprocessableError(`user ${cmd.userId} does not exist`, 'userId');
    }
    const record: InvoiceRecord = {
      id: randomUUID(),
      userId: cmd.userId,
      amountCents: cmd.amountCents,
      currency: cmd.currency,
      status: 'open',
      createdAtUs: this.#clock.nowMicros(),
      paidAtUs: null,
    };
    await this.#invoices.insert(record);
    return toInvoice(record);
  }

  /**
   * Newest first. An unknown user simply has no invoices (billing does not ask users for a
   * read: that would add a service hop to every list in the micro topologies).
   */
  async listInvoices(userId: unknown, options: unknown = {}): Promise<InvoicePage> {
    const id = parseOrThrow(uuidSchema, userId, 'userId');
    const { limit, cursor } = parseOrThrow(listInvoicesOptionsSchema, options, 'options');
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    // One extra row tells whether another page exists without a COUNT.
    const rows = await this.#invoices.listByUser(id, limit + 1, after);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor(last) : null;
    return { items: page.map(toInvoice), nextCursor };
  }

  /** Idempotent: paying a paid invoice returns it unchanged. */
  async payInvoice(id: unknown): Promise<Invoice> {
    const invoiceId = parseOrThrow(uuidSchema, id, 'id');
    const record = await this.#invoices.markPaid(invoiceId, this.#clock.nowMicros());
    if (!record) throw new NotFoundError(`invoice ${invoiceId} not found`);
    return toInvoice(record);
  }

  /** Idempotent by user id: a redelivered event opens nothing twice. Returns true if opened. */
  async handleUserRegistered(event: UserRegistered): Promise<boolean> {
    return this.#accounts.openIfAbsent(event.userId, this.#clock.nowMicros());
  }

  async hasAccount(userId: string): Promise<boolean> {
    return this.#accounts.exists(userId);
  }

  /** Wire this service to the bus; returns the unsubscribe function. */
  subscribeTo(bus: EventBus): () => void {
    return bus.subscribe('UserRegistered', async (e) => {
      await this.handleUserRegistered(e);
    });
  }
}

export function toInvoice(r: InvoiceRecord): Invoice {
  return {
    id: r.id,
    userId: r.userId,
    amountCents: r.amountCents,
    currency: r.currency,
    status: r.status,
    createdAt: microsToIso(r.createdAtUs),
    paidAt: r.paidAtUs === null ? null : microsToIso(r.paidAtUs),
  };
}

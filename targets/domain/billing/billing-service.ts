// The billing service: invoices and billing accounts. It learns about users only through
// the UserDirectory port and the UserRegistered event. Ownership is decided here, once, for
// every topology: a user acts on their own invoices only (`subject` = the token's user id).
import { randomUUID } from 'node:crypto';
import { microsToIso, systemClock, type Clock } from '../clock.js';
import { subjectOf } from '../auth/subject.js';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../errors.js';
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

  /** 403 unless the invoice is for `subject` itself. */
  async createInvoice(input: unknown, subject: unknown): Promise<Invoice> {
    const caller = subjectOf(subject);
    const cmd = parseOrThrow(createInvoiceSchema, input);
    if (cmd.userId !== caller) throw new ForbiddenError('invoices can only be created for yourself', 'userId');
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
   * Newest first; 403 unless `userId` is `subject`. Billing does not ask users whether the
   * user exists: that would add a service hop to every list in the micro topologies.
   */
  async listInvoices(userId: unknown, options: unknown, subject: unknown): Promise<InvoicePage> {
    const caller = subjectOf(subject);
    const id = parseOrThrow(uuidSchema, userId, 'userId');
    if (id !== caller) throw new ForbiddenError("another user's invoices cannot be listed", 'id');
    const { limit, cursor } = parseOrThrow(listInvoicesOptionsSchema, options, 'options');
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    // One extra row tells whether another page exists without a COUNT.
    const rows = await this.#invoices.listByUser(id, limit + 1, after);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor({ seq: last.seq }) : null;
    return { items: page.map(toInvoice), nextCursor };
  }

  /**
   * Idempotent: paying a paid invoice returns it unchanged. Someone else's invoice is the same
   * 404 as one that does not exist: no hint that it does. (The owner of an invoice never
   * changes, so checking before the update is race-free.)
   */
  async payInvoice(id: unknown, subject: unknown): Promise<Invoice> {
    const caller = subjectOf(subject);
    const invoiceId = parseOrThrow(uuidSchema, id, 'id');
    const notFound = () => new NotFoundError(`invoice ${invoiceId} not found`);
    const existing = await this.#invoices.findById(invoiceId);
    if (!existing || existing.userId !== caller) throw notFound();
    const record = await this.#invoices.markPaid(invoiceId, this.#clock.nowMicros());
    if (!record) throw notFound();
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

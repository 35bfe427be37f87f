// Domain shapes <-> protobuf messages, where they differ: proto3 has no null, so a nullable
// field is an `optional` one that is absent; a bool reply is wrapped in a message.
import type { Invoice, InvoicePage, User } from '../../domain/model.js';
import type { WireError } from '../wire-errors.js';
import type { ServiceName } from '../transport.js';

interface InvoiceMessage extends Omit<Invoice, 'paidAt'> {
  paidAt?: string;
}

const invoiceToWire = ({ paidAt, ...rest }: Invoice): InvoiceMessage => (paidAt === null ? rest : { ...rest, paidAt });
const invoiceFromWire = ({ paidAt, ...rest }: InvoiceMessage): Invoice => ({ ...rest, paidAt: paidAt ?? null });

export interface ReplyCodec {
  toWire(result: unknown): unknown;
  fromWire(message: unknown): unknown;
}

const same: ReplyCodec = { toWire: (r) => r, fromWire: (m) => m };
const invoice: ReplyCodec = { toWire: (r) => invoiceToWire(r as Invoice), fromWire: (m) => invoiceFromWire(m as InvoiceMessage) };

/** Requests already have the message's shape (see transport.ts); replies may need a codec. */
export const REPLY_CODECS: { readonly [S in ServiceName]: Readonly<Record<string, ReplyCodec>> } = {
  users: {
    register: same,
    authenticate: same,
    get: same,
    // proto3 message fields decode as null when absent: drop them, as JSON transports never send them.
    getMany: {
      toWire: (r) => r,
      fromWire: (m) => ({ results: (m as { results: Array<{ user: User | null; error: WireError | null }> }).results.map(({ user, error }) => (user ? { user } : { error: error! })) }),
    },
    exists: { toWire: (r) => ({ exists: r as boolean }), fromWire: (m) => (m as { exists: boolean }).exists },
  },
  billing: {
    createInvoice: invoice,
    payInvoice: invoice,
    listInvoices: {
      toWire: (r) => {
        const page = r as InvoicePage;
        const items = page.items.map(invoiceToWire);
        return page.nextCursor === null ? { items } : { items, nextCursor: page.nextCursor };
      },
      fromWire: (m) => {
        const page = m as { items: InvoiceMessage[]; nextCursor?: string };
        return { items: page.items.map(invoiceFromWire), nextCursor: page.nextCursor ?? null } satisfies InvoicePage;
      },
    },
  },
};

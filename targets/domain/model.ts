// The public shapes of the two aggregates. Timestamps are ISO-8601 strings (millisecond precision).

export interface User {
  id: string;
  name: string;
  email: string;
  createdAt: string;
}

export type InvoiceStatus = 'open' | 'paid';

export interface Invoice {
  id: string;
  userId: string;
  amountCents: number;
  currency: string;
  status: InvoiceStatus;
  createdAt: string;
  paidAt: string | null;
}

export interface InvoicePage {
  items: Invoice[];
  nextCursor: string | null;
}

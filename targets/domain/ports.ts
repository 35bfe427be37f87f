// Storage ports. Async on purpose: the SQLite adapter answers synchronously, a PostgreSQL
// adapter will not. Records carry integer microsecond timestamps; services turn them into
// the public ISO shapes.

export interface UserRecord {
  id: string;
  name: string;
  /** Already normalised (trimmed, lowercase): the unique key. */
  email: string;
  /** scrypt hash (auth/password-hasher.ts); never leaves the users service. */
  passwordHash: string;
  createdAtUs: number;
  /** When UserRegistered was confirmed published; null until then (a retried sign-up announces again only then). */
  announcedAtUs: number | null;
}

export type InsertUserResult = 'inserted' | 'email_taken';

export interface UserRepository {
  /** Duplicate emails are an expected outcome, not an exception. */
  insert(user: UserRecord): Promise<InsertUserResult>;
  findById(id: string): Promise<UserRecord | undefined>;
  /** One query for many ids (a GraphQL loader's batch); absent ids are simply missing. */
  findByIds(ids: readonly string[]): Promise<UserRecord[]>;
  /** `email` already normalised. */
  findByEmail(email: string): Promise<UserRecord | undefined>;
  markAnnounced(id: string, atUs: number): Promise<void>;
  existsById(id: string): Promise<boolean>;
}

export interface InvoiceRecord {
  id: string;
  userId: string;
  amountCents: number;
  currency: string;
  status: 'open' | 'paid';
  createdAtUs: number;
  paidAtUs: number | null;
}

/**
 * Position in the store's insertion order, newest first; the page starts strictly after it.
 * The store assigns it (SQLite's rowid, a PostgreSQL identity), not a clock: the workers of a
 * cluster and the replicas of a service each have their own clock, and an invoice created after
 * another on a different worker could carry an earlier timestamp.
 */
export interface InvoiceKey {
  seq: number;
}

/** An invoice as a list returns it: the record plus its key (never sent to clients). */
export interface ListedInvoice extends InvoiceRecord, InvoiceKey {}

export interface InvoiceRepository {
  insert(invoice: InvoiceRecord): Promise<void>;
  findById(id: string): Promise<InvoiceRecord | undefined>;
  /** Newest first (the order the store received them), keyset paginated. */
  listByUser(userId: string, limit: number, after?: InvoiceKey): Promise<ListedInvoice[]>;
  /**
   * Mark paid if still open; a paid invoice keeps its first paidAt (idempotent pay).
   * Returns the invoice as stored afterwards, or undefined when it does not exist.
   */
  markPaid(id: string, paidAtUs: number): Promise<InvoiceRecord | undefined>;
}

export interface BillingAccountRepository {
  /** Opens the account unless it exists. Returns true only when this call created it. */
  openIfAbsent(userId: string, openedAtUs: number): Promise<boolean>;
  exists(userId: string): Promise<boolean>;
}

/** How billing asks "does this user exist?": a function call in the monolith, RPC in micro. */
export interface UserDirectory {
  exists(userId: string): Promise<boolean>;
}

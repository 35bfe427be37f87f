// Input rules for the billing service.
import { z } from 'zod';
import { uuidSchema } from '../validation.js';

export const MAX_AMOUNT_CENTS = 100_000_000_000; // 1e11: one billion in major units
export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

// Computed once: Intl's list is the ISO 4217 codes this runtime knows.
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an uppercase ISO 4217 code')
  .refine((c) => CURRENCIES.has(c), 'is not a known ISO 4217 currency');

export const createInvoiceSchema = z.strictObject({
  userId: uuidSchema,
  amountCents: z
    .number()
    .int('must be an integer number of cents')
    .positive('must be greater than 0')
    .max(MAX_AMOUNT_CENTS, `must be at most ${MAX_AMOUNT_CENTS}`),
  currency: currencySchema,
});
export type CreateInvoiceInput = z.input<typeof createInvoiceSchema>;

export const listInvoicesOptionsSchema = z.strictObject({
  limit: z
    .number()
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(MAX_PAGE_LIMIT, `must be at most ${MAX_PAGE_LIMIT}`)
    .default(DEFAULT_PAGE_LIMIT),
  cursor: z.string().optional(),
});
export type ListInvoicesOptions = z.input<typeof listInvoicesOptionsSchema>;

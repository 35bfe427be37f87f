// Response shapes of the public API, as strict zod schemas: the conformance suite checks every
// body against them, so an extra or missing field is a contract violation.
import { z } from 'zod';

const isoTimestamp = z.iso.datetime({ offset: false, precision: 3 });
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

export const healthResponse = z.strictObject({ status: z.literal('ok') });

export const tokenResponse = z.strictObject({ token: z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/) });

export const userResponse = z.strictObject({
  id: uuid,
  name: z.string(),
  email: z.string(),
  createdAt: isoTimestamp,
});

export const invoiceResponse = z.strictObject({
  id: uuid,
  userId: uuid,
  amountCents: z.number().int(),
  currency: z.string().length(3),
  status: z.enum(['open', 'paid']),
  createdAt: isoTimestamp,
  paidAt: isoTimestamp.nullable(),
});

export const invoicePageResponse = z.strictObject({
  items: z.array(invoiceResponse),
  nextCursor: z.string().min(1).nullable(),
});

export const errorCodes = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  // A known path with another method (405, with an Allow header).
  'method_not_allowed',
  'conflict',
  'unprocessable',
  'payload_too_large',
  'unsupported_media_type',
  'internal',
  // A micro gateway whose service call failed (502/503/504).
  'bad_gateway',
  'unavailable',
  'upstream_timeout',
  // --throttle: the subject's requests of this window are used up (429 with Retry-After).
  'too_many_requests',
] as const;
export type ApiErrorCode = (typeof errorCodes)[number];

export const errorResponse = z.strictObject({
  error: z.strictObject({
    code: z.enum(errorCodes),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorResponse>;

// Turning untrusted input into typed commands. Every service method that receives data from
// outside (HTTP body, a message from a broker) parses it here, so rules live in one place.
import { z } from 'zod';
import { ValidationError } from './errors.js';

// crypto.randomUUID() ids; accepted in any case and normalised to lowercase like we store them.
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const uuidSchema = z
  .string()
  .regex(UUID_RE, 'must be a UUID')
  .transform((s) => s.toLowerCase());

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

/**
 * Parse `input` or throw a ValidationError naming the first offending field.
 * `root` names the whole value when the problem is its type (e.g. a body that is an array).
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, root = 'body'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ValidationError('invalid input', root);
  throw new ValidationError(issue.message, fieldOf(issue, root));
}

function fieldOf(issue: z.core.$ZodIssue, root: string): string {
  const path = issue.path.map(String);
  // Strict objects report unknown keys on the object itself; the key is the useful field.
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return path.length ? path.join('.') : root;
}

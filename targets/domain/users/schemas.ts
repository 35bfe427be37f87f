// Input rules for the users service.
import { z } from 'zod';

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email('must be a valid email address'));

// Not trimmed: a password is taken exactly as typed. The upper bound caps the hashing input.
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const registerUserSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  email: emailSchema,
  password: passwordSchema,
});
export type RegisterUserInput = z.input<typeof registerUserSchema>;

/** POST /auth/token. Any non-empty password up to the maximum: a wrong one is a 401, not a 400. */
export const credentialsSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'must not be empty').max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
});
export type Credentials = z.input<typeof credentialsSchema>;

// Input rules for the users service.
import { z } from 'zod';

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email('must be a valid email address'));

export const registerUserSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  email: emailSchema,
});
export type RegisterUserInput = z.input<typeof registerUserSchema>;

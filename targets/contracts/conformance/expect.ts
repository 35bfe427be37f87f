// Expectations on responses; each throws a CheckFailure whose message says what differed.
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { errorResponse, type ApiErrorCode } from '../schemas.js';
import type { ApiResponse } from './client.js';
import { CheckFailure } from './report.js';

function snippet(res: ApiResponse): string {
  return res.text.length > 300 ? `${res.text.slice(0, 300)}...` : res.text;
}

export function expectStatus(res: ApiResponse, status: number): void {
  if (res.status !== status) throw new CheckFailure(`expected status ${status}, got ${res.status}: ${snippet(res)}`);
}

/** Status and body shape (strict schema); returns the typed body. */
export function expectBody<S extends z.ZodType>(res: ApiResponse, status: number, schema: S): z.output<S> {
  expectStatus(res, status);
  const r = schema.safeParse(res.body);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new CheckFailure(`body shape differs at "${issue?.path.join('.') ?? ''}": ${issue?.message}; body: ${snippet(res)}`);
  }
  return r.data;
}

/** An error answer: status, `{error:{code,message,field?}}`, and the field when one is expected. */
export function expectError(res: ApiResponse, status: number, code: ApiErrorCode, field?: string): void {
  const { error } = expectBody(res, status, errorResponse);
  if (error.code !== code) throw new CheckFailure(`expected error code "${code}", got "${error.code}"`);
  if (field !== undefined && error.field !== field) {
    throw new CheckFailure(`expected error field "${field}", got ${error.field === undefined ? 'none' : `"${error.field}"`}`);
  }
}

export function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new CheckFailure(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function expectTrue(cond: boolean, message: string): void {
  if (!cond) throw new CheckFailure(message);
}

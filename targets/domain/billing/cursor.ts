// Opaque keyset cursor: base64url("<createdAtUs>.<id>"). Clients must not build or read it;
// the server rejects anything it did not produce with a 400 on `cursor`.
import { ValidationError } from '../errors.js';
import type { InvoiceKey } from '../ports.js';
import { isUuid } from '../validation.js';

const MAX_CURSOR_LENGTH = 128;

export function encodeCursor(key: InvoiceKey): string {
  return Buffer.from(`${key.createdAtUs}.${key.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): InvoiceKey {
  const bad = () => new ValidationError('malformed cursor', 'cursor');
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^(\d{1,16})\.(.+)$/.exec(text);
  if (!m || !isUuid(m[2])) throw bad();
  const createdAtUs = Number(m[1]);
  if (!Number.isSafeInteger(createdAtUs)) throw bad();
  return { createdAtUs, id: m[2].toLowerCase() };
}

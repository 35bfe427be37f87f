// Opaque keyset cursor: base64url("<seq>"), the store's insertion sequence of the last invoice
// on the page. Clients must not build or read it; the server rejects anything it did not
// produce with a 400 on `cursor`.
import { ValidationError } from '../errors.js';
import type { InvoiceKey } from '../ports.js';

const MAX_CURSOR_LENGTH = 32;

export function encodeCursor(key: InvoiceKey): string {
  return Buffer.from(String(key.seq), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): InvoiceKey {
  const bad = () => new ValidationError('malformed cursor', 'cursor');
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[1-9]\d{0,15}$/.test(text)) throw bad();
  const seq = Number(text);
  if (!Number.isSafeInteger(seq)) throw bad();
  return { seq };
}

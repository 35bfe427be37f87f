// JSON body decoding shared by every edge. Frameworks only hand us raw bytes: content-type,
// empty-body and malformed-JSON answers are then identical whatever the framework.
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../domain/errors.js';
import { BODY_LIMIT_BYTES } from './limits.js';

export const UNSUPPORTED_ENCODING_MESSAGE = 'unsupported request body encoding';

export function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const semi = contentType.indexOf(';');
  const media = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return media === 'application/json';
}

/** Request bodies are plain JSON: no target inflates gzip/deflate/br (express did, fastify ignored the header). */
export function isIdentityEncoding(contentEncoding: string | undefined): boolean {
  return contentEncoding === undefined || contentEncoding.trim() === '' || contentEncoding.trim().toLowerCase() === 'identity';
}

export function decodeJsonBody(contentType: string | undefined, raw: Uint8Array | undefined, contentEncoding?: string): unknown {
  if (!isIdentityEncoding(contentEncoding)) throw new UnsupportedMediaTypeError(UNSUPPORTED_ENCODING_MESSAGE);
  if (!raw || raw.length === 0) throw new ValidationError('a JSON request body is required', 'body');
  // Frameworks enforce the limit while reading; this guards edges that do not.
  if (raw.length > BODY_LIMIT_BYTES) throw new PayloadTooLargeError(`body exceeds ${BODY_LIMIT_BYTES} bytes`);
  if (!isJsonMediaType(contentType)) throw new UnsupportedMediaTypeError('content-type must be application/json');
  try {
    return JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'));
  } catch {
    throw new ValidationError('malformed JSON body', 'body');
  }
}

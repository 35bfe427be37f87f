// How long to wait before retrying a 429 (RFC 9110 Retry-After: delay-seconds or an HTTP date),
// bounded so that a limiter with a long window fails the seed clearly instead of stalling it.

/** Retries of one seeding request answered 429; past them the seed fails naming the limit. */
export const MAX_429_RETRIES = 8;
/** Longest wait honoured for one retry. */
export const MAX_RETRY_WAIT_MS = 30_000;
/** Without a usable Retry-After: exponential from this, capped like the rest. */
const FALLBACK_BASE_MS = 100;

export function retryAfterMs(header: string | string[] | undefined, attempt: number, nowMs = Date.now()): number {
  const value = Array.isArray(header) ? header[0] : header;
  let ms: number | undefined;
  if (value !== undefined && /^\s*\d+\s*$/.test(value)) ms = Number(value) * 1000;
  else if (value !== undefined && !Number.isNaN(Date.parse(value))) ms = Math.max(0, Date.parse(value) - nowMs);
  return Math.min(ms ?? FALLBACK_BASE_MS * 2 ** attempt, MAX_RETRY_WAIT_MS);
}

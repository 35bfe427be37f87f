// Limits every HTTP edge applies identically, so frameworks are compared on equal terms.

/** Largest accepted request body; larger ones get a 413 JSON error. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Idle keep-alive timeout (fastify's default, applied to express too). */
export const KEEP_ALIVE_TIMEOUT_MS = 72_000;

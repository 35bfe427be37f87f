// The conformance report and the recorder that fills it.

export interface ConformanceCheck {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface ConformanceReport {
  passed: boolean;
  checks: ConformanceCheck[];
}

export interface ConformanceOptions {
  signal?: AbortSignal;
  /** The target's JWT secret; without it the expired-token checks are skipped (reported ok). */
  jwtSecret?: string;
  /** Per-request timeout; default 10 s. */
  requestTimeoutMs?: number;
  /** Also interleave two users' requests to catch state leaking between requests (persistent targets). */
  state?: boolean;
  /** The target serves POST /graphql too: check it answers as REST does. */
  graphql?: boolean;
}

/** A failed expectation; its message becomes the check's detail. */
export class CheckFailure extends Error {}

export class Recorder {
  readonly checks: ConformanceCheck[] = [];
  readonly #signal: AbortSignal | undefined;

  constructor(signal?: AbortSignal) {
    this.#signal = signal;
  }

  /** Run one check; a thrown error fails it. Cancellation is rethrown, never recorded. */
  async check(name: string, fn: () => Promise<string | void>): Promise<boolean> {
    this.#signal?.throwIfAborted();
    try {
      const note = await fn();
      this.checks.push(note ? { name, ok: true, detail: note } : { name, ok: true });
      return true;
    } catch (err) {
      this.#signal?.throwIfAborted();
      const detail = err instanceof CheckFailure ? err.message : `request failed: ${describe(err)}`;
      this.checks.push({ name, ok: false, detail });
      return false;
    }
  }

  /** Run a setup step as a check and hand back its value (undefined when it failed). */
  async setup<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
    let value: T | undefined;
    await this.check(name, async () => {
      value = await fn();
    });
    return value;
  }

  report(): ConformanceReport {
    return { passed: this.checks.length > 0 && this.checks.every((c) => c.ok), checks: this.checks };
  }
}

/** The value a check depends on, or a failure naming the missing prerequisite. */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new CheckFailure(`prerequisite failed: ${what}`);
  return value;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
  return `${err.message}${cause}`;
}

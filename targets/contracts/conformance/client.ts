// A minimal HTTP client over global fetch for the suite: every answer is captured, never thrown.

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: unknown;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  /** Serialised as JSON with content-type application/json. */
  json?: unknown;
  /** Sent as is (for malformed bodies); pair with contentType. */
  raw?: string;
  contentType?: string;
  token?: string;
  /** Full Authorization header value; wins over `token`. */
  authorization?: string;
  /** Any other request headers. */
  headers?: Record<string, string>;
}

const MAX_RATE_LIMITED = 20;
const MAX_RETRY_AFTER_S = 5;

export class ApiClient {
  readonly #base: string;
  readonly #signal: AbortSignal | undefined;
  readonly #timeoutMs: number;

  constructor(baseUrl: string, signal: AbortSignal | undefined, timeoutMs: number) {
    this.#base = baseUrl.replace(/\/+$/, '');
    this.#signal = signal;
    this.#timeoutMs = timeoutMs;
  }

  get(path: string, opts: RequestOptions = {}): Promise<ApiResponse> {
    return this.request('GET', path, opts);
  }

  post(path: string, opts: RequestOptions = {}): Promise<ApiResponse> {
    return this.request('POST', path, opts);
  }

  /** A rate-limited target (--throttle) is waited for as its Retry-After says, as a polite client does. */
  async request(method: string, path: string, opts: RequestOptions): Promise<ApiResponse> {
    for (let attempt = 1; ; attempt++) {
      const res = await this.#once(method, path, opts);
      const wait = Number(res.headers.get('retry-after'));
      if (res.status !== 429 || attempt >= MAX_RATE_LIMITED || !(wait >= 0 && wait <= MAX_RETRY_AFTER_S)) return res;
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
  }

  async #once(method: string, path: string, opts: RequestOptions): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    let body: string | undefined;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['content-type'] = 'application/json';
    }
    if (opts.raw !== undefined) body = opts.raw;
    if (opts.contentType !== undefined) headers['content-type'] = opts.contentType;
    const auth = opts.authorization ?? (opts.token === undefined ? undefined : `Bearer ${opts.token}`);
    if (auth !== undefined) headers.authorization = auth;
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const signal = this.#signal ? AbortSignal.any([this.#signal, timeout]) : timeout;
    const res = await fetch(this.#base + path, { method, headers, body, signal });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  }
}

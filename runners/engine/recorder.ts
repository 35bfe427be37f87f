// Turns individual outcomes into a Sample: HDR histograms (total, per request, per second)
// and error counts. Memory is constant in the number of requests.
import { createHistogram, decodeHistogram, encodeHistogram, recordUs, type Histogram } from '../../record/histogram.js';
import type { CheckCounts, TimelinePoint } from '../../record/results.js';
import type { Check, CheckedResponse } from '../../scenarios/define.js';
import type { RequestSample, Sample } from '../runner.js';

export class Recorder {
  readonly total = createHistogram();
  readonly #byRequest: RequestSample[];
  readonly #names: string[];
  readonly #errorsByKind: Record<string, number> = {};
  readonly #checks: Record<string, CheckCounts> = {};
  #requests = 0;
  #ok = 0;
  #errors = 0;
  #dropped = 0;
  #startMs = 0;
  #seconds: Array<{ requests: number; errors: number; histogram: Histogram }> = [];
  #lastTickRequests = 0;
  readonly #statusKind: (status: number) => string;

  /** statusKind names an unexpected status in errorsByKind (http_404, grpc_NOT_FOUND). */
  constructor(names: string[], statusKind: (status: number) => string = (s) => `http_${s}`) {
    this.#names = names;
    this.#statusKind = statusKind;
    this.#byRequest = names.map(() => ({ requests: 0, errors: 0, histogram: createHistogram() }));
  }

  start(nowMs = performance.now()): void {
    this.#startMs = nowMs;
  }

  get requests(): number {
    return this.#requests;
  }
  get errors(): number {
    return this.#errors;
  }

  #second(nowMs: number) {
    const i = Math.max(0, Math.floor((nowMs - this.#startMs) / 1000));
    while (this.#seconds.length <= i) this.#seconds.push({ requests: 0, errors: 0, histogram: createHistogram() });
    return this.#seconds[i]!;
  }

  /** A response arrived. Latency of unexpected statuses is not mixed into the latency histograms. */
  response(index: number, status: number, ok: boolean, latencyUs: number, nowMs = performance.now()): void {
    const r = this.#byRequest[index]!;
    const sec = this.#second(nowMs);
    this.#requests++;
    r.requests++;
    sec.requests++;
    if (ok) {
      this.#ok++;
      recordUs(this.total, latencyUs);
      recordUs(r.histogram, latencyUs);
      recordUs(sec.histogram, latencyUs);
    } else {
      this.#errors++;
      r.errors++;
      sec.errors++;
      this.#count(this.#statusKind(status));
    }
  }

  /** A request got no response (socket error, timeout). index -1 when unknown. */
  failure(index: number, kind: string, nowMs = performance.now()): void {
    this.#errors++;
    this.#second(nowMs).errors++;
    if (index >= 0) this.#byRequest[index]!.errors++;
    this.#count(kind);
  }

  /** Runs a response's checks (k6's check()) and counts each by name; a check that throws fails. */
  checks(checks: Readonly<Record<string, Check>>, status: number, body: string): void {
    let parsed: { value: unknown } | undefined;
    const res: CheckedResponse = {
      status,
      body,
      json: () => (parsed ??= { value: JSON.parse(body) as unknown }).value,
    };
    for (const [name, check] of Object.entries(checks)) {
      let passed = false;
      try {
        passed = check(res) === true;
      } catch {
        passed = false;
      }
      const c = (this.#checks[name] ??= { passes: 0, fails: 0 });
      if (passed) c.passes++;
      else c.fails++;
    }
  }

  /** Open model: an arrival that could not be sent. */
  drop(): void {
    this.#dropped++;
  }

  #count(kind: string): void {
    this.#errorsByKind[kind] = (this.#errorsByKind[kind] ?? 0) + 1;
  }

  /** Responses since the last call, for a progress line. */
  takeTickRequests(): number {
    const n = this.#requests - this.#lastTickRequests;
    this.#lastTickRequests = this.#requests;
    return n;
  }

  /** Everything recorded, histograms encoded: what a generator thread sends back to be merged exactly. */
  toWire(): RecorderWire {
    const part = (p: { requests: number; errors: number; histogram: Histogram }) => ({
      requests: p.requests,
      errors: p.errors,
      histogram: encodeHistogram(p.histogram),
    });
    return {
      requests: this.#requests,
      ok: this.#ok,
      errors: this.#errors,
      dropped: this.#dropped,
      errorsByKind: { ...this.#errorsByKind },
      checks: structuredClone(this.#checks),
      total: encodeHistogram(this.total),
      byRequest: this.#byRequest.map(part),
      seconds: this.#seconds.map(part),
    };
  }

  /** Add another recorder's wire form (same request names, same start second). */
  absorb(w: RecorderWire): void {
    this.#requests += w.requests;
    this.#ok += w.ok;
    this.#errors += w.errors;
    this.#dropped += w.dropped;
    for (const [k, n] of Object.entries(w.errorsByKind)) this.#errorsByKind[k] = (this.#errorsByKind[k] ?? 0) + n;
    for (const [name, n] of Object.entries(w.checks)) {
      const c = (this.#checks[name] ??= { passes: 0, fails: 0 });
      c.passes += n.passes;
      c.fails += n.fails;
    }
    this.total.add(decodeHistogram(w.total));
    w.byRequest.forEach((p, i) => {
      const r = this.#byRequest[i]!;
      r.requests += p.requests;
      r.errors += p.errors;
      r.histogram.add(decodeHistogram(p.histogram));
    });
    w.seconds.forEach((p, i) => {
      const sec = this.#second(this.#startMs + i * 1000);
      sec.requests += p.requests;
      sec.errors += p.errors;
      sec.histogram.add(decodeHistogram(p.histogram));
    });
  }

  finish(durationMs: number, extra: Partial<Sample> = {}): Sample {
    const byRequest = new Map<string, RequestSample>();
    this.#names.forEach((n, i) => byRequest.set(n, this.#byRequest[i]!));
    const whole = Math.max(1, Math.round(durationMs / 1000));
    const timeline: TimelinePoint[] = this.#seconds.slice(0, whole).map((s, t) => ({
      t,
      requests: s.requests,
      errors: s.errors,
      p50Ms: s.histogram.totalCount ? s.histogram.getValueAtPercentile(50) / 1000 : null,
      p99Ms: s.histogram.totalCount ? s.histogram.getValueAtPercentile(99) / 1000 : null,
    }));
    return {
      durationMs,
      requests: this.#requests,
      ok: this.#ok,
      errors: this.#errors,
      errorsByKind: { ...this.#errorsByKind },
      dropped: this.#dropped,
      histogram: this.total,
      byRequest,
      timeline,
      ...(Object.keys(this.#checks).length ? { checks: structuredClone(this.#checks) } : {}),
      ...extra,
    };
  }
}

export function errorKind(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof e.code === 'string') return e.code;
    if (typeof e.message === 'string' && /timed out/i.test(e.message)) return 'timeout';
    if (typeof e.name === 'string') return e.name;
  }
  return 'error';
}

export interface RecorderWire {
  requests: number;
  ok: number;
  errors: number;
  dropped: number;
  errorsByKind: Record<string, number>;
  checks: Record<string, CheckCounts>;
  total: string;
  byRequest: Array<{ requests: number; errors: number; histogram: string }>;
  seconds: Array<{ requests: number; errors: number; histogram: string }>;
}

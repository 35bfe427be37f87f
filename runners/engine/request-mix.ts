// Weighted choice of the next request and its wire form, shared by every HTTP runner.
import type { Check, HttpRequest, RequestContext, RequestDefinition } from '../../scenarios/define.js';
import { WeightedIndex } from './weighted-index.js';

export interface BuiltRequest {
  name: string;
  /** Index into the scenario's requests, for cheap per-request bookkeeping. */
  index: number;
  method: HttpRequest['method'];
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  expect: ((status: number) => boolean);
  checks?: Readonly<Record<string, Check>>;
}

const is2xx = (s: number) => s >= 200 && s < 300;

export class RequestMix {
  readonly #defs: readonly RequestDefinition[];
  readonly #pick: WeightedIndex;
  readonly #expect: Array<(status: number) => boolean>;

  constructor(defs: readonly RequestDefinition[], readonly context: RequestContext) {
    this.#defs = defs;
    this.#pick = new WeightedIndex(defs.map((d) => d.weight), () => context.random());
    this.#expect = defs.map((d) => {
      if (!d.expect) return is2xx;
      const allowed = new Set<unknown>(d.expect);
      return (s: number) => allowed.has(s);
    });
  }

  get names(): string[] {
    return this.#defs.map((d) => d.name);
  }

  next(): BuiltRequest {
    return this.build(this.#pick.next());
  }

  expectAt(index: number): (status: number) => boolean {
    return this.#expect[index] ?? is2xx;
  }

  build(index: number): BuiltRequest {
    const def = this.#defs[index]!;
    // gRPC scenarios never reach an HTTP runner (pickRunner checks the protocol).
    if (!def.request) throw new Error(`request "${def.name}" is a gRPC call; HTTP runners cannot send it`);
    let r: HttpRequest;
    try {
      r = def.request(this.context);
    } catch (err) {
      // Validation dry-runs every builder; one that throws only on real data still says which.
      throw new Error(`request "${def.name}" threw: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const headers: Record<string, string> = { ...r.headers };
    let body: string | undefined;
    if (r.body !== undefined) {
      body = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      headers['content-type'] ??= 'application/json';
    }
    return { name: def.name, index, method: r.method, path: r.path, headers, body, expect: this.#expect[index]!, ...(def.checks ? { checks: def.checks } : {}) };
  }
}

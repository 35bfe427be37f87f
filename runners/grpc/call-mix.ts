// Weighted choice of the next gRPC call and its message, like RequestMix for HTTP. Methods are
// looked up once, when the mix is built, so an unknown service or method fails before any load.
import type { GrpcRequestDefinition, RequestContext, RequestDefinition } from '../../scenarios/define.js';
import type { CallSource, PreparedCall } from '../engine/load-client.js';
import { WeightedIndex } from '../engine/weighted-index.js';
import { unaryMethod, type UnaryMethod } from './methods.js';
import { grpcStatusCode } from './status.js';

export interface PreparedGrpcCall extends PreparedCall {
  method: UnaryMethod;
  message: Record<string, unknown>;
}

interface Entry {
  def: GrpcRequestDefinition;
  method: UnaryMethod;
  expect: (status: number) => boolean;
}

export function grpcRequests(defs: readonly RequestDefinition[]): GrpcRequestDefinition[] {
  return defs.map((d) => {
    if (d.grpc === undefined) throw new Error(`request "${d.name}" is an HTTP request; the grpc runner sends gRPC calls only`);
    return d;
  });
}

export class GrpcCallMix implements CallSource<PreparedGrpcCall> {
  readonly #entries: Entry[];
  readonly #pick: WeightedIndex;

  constructor(defs: readonly RequestDefinition[], readonly context: RequestContext) {
    this.#entries = grpcRequests(defs).map((def) => {
      const ok = new Set((def.expect ?? ['OK']).map(grpcStatusCode));
      return { def, method: unaryMethod(def.grpc.service, def.grpc.method, def.grpc.proto), expect: (s: number) => ok.has(s) };
    });
    this.#pick = new WeightedIndex(this.#entries.map((e) => e.def.weight), () => context.random());
  }

  get names(): string[] {
    return this.#entries.map((e) => e.def.name);
  }

  next(): PreparedGrpcCall {
    const i = this.#pick.next();
    const e = this.#entries[i]!;
    return { name: e.def.name, index: i, expect: e.expect, method: e.method, message: e.def.grpc.message(this.context) };
  }
}

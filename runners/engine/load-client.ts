// What the load loops (runners/engine) need from a wire protocol: a way to seed the target, a
// source of prepared calls and a client that sends one and reports its status. HTTP (h1 or undici) and gRPC (grpc-js) implement it,
// so the open and closed loops, the schedule and the generator threads are written once.
import type { Check, RequestContext, Scenario, SeedSpec } from '../../scenarios/define.js';
import type { SeedData } from './context.js';

/** One request ready to send, built from the scenario's mix. */
export interface PreparedCall {
  readonly name: string;
  /** Index into the scenario's requests, for cheap per-request bookkeeping. */
  readonly index: number;
  /** Whether a response with this status counts as success. */
  expect(status: number): boolean;
  /** The request's named checks; a client sending calls with checks passes the body to its callback. */
  readonly checks?: Readonly<Record<string, Check>>;
}

/** status: HTTP status or gRPC status code; err: no response at all (socket error, refused peer); body: for calls with checks. */
export type SendCallback = (status: number, err: Error | null, body?: string) => void;

export interface CallSource<C extends PreparedCall> {
  readonly names: string[];
  next(): C;
}

export interface LoadClient<C extends PreparedCall> {
  send(call: C, done: SendCallback): void;
  /**
   * Opens up to `count` connections before the measured window, as wrk does and k6's
   * preAllocatedVUs imply: otherwise the first requests of a window pay the TCP handshakes,
   * and an open-model window paid them at its busiest moment. Resolves when every attempt has
   * connected or failed (a failure shows again, counted, on the first request).
   */
  connect?(count: number): Promise<void>;
  close(): Promise<void>;
}

export interface ClientOptions {
  /** Concurrency this client must carry (connections for HTTP/1.1, calls in flight for gRPC). */
  connections: number;
  /** Per-request timeout (gRPC: the call's deadline). */
  timeoutMs: number;
  /** Refuse non-loopback peers unless true, checked on the address actually connected to. */
  allowRemote: boolean;
}

/** A mix and a client that belong together, plus how an unexpected status is named in errorsByKind. */
export interface LoadSession {
  mix: CallSource<PreparedCall>;
  client: LoadClient<PreparedCall>;
  statusKind(status: number): string;
}

export interface LoadProtocol {
  readonly name: string;
  /** Creates the scenario's seed data over this protocol, before any load. */
  seed(url: string, spec: SeedSpec, runId: string, signal: AbortSignal, allowRemote: boolean): Promise<SeedData>;
  open(url: string, scenario: Scenario, context: RequestContext, opts: ClientOptions): Promise<LoadSession>;
}

// What every HTTP transport of the open runner implements (undici's dispatcher idea: one
// interface, several transports), and the errors they share, each with a stable code that
// becomes its kind in errorsByKind.
import type { BuiltRequest } from '../request-mix.js';
import type { ClientOptions, SendCallback } from '../load-client.js';

export interface HttpClient {
  /** Sends one request; `done` is called once, never synchronously, with the status or the error. */
  send(r: BuiltRequest, done: SendCallback): void;
  /** Opens up to `count` connections ahead of the first request (see LoadClient.connect). */
  connect?(count: number): Promise<void>;
  close(): Promise<void>;
}

export type HttpClientOptions = ClientOptions;

export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}


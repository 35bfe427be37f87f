// What every HTTP transport of the open runner implements (undici's dispatcher idea: one
// interface, several transports), and the errors they share, each with a stable code that
// becomes its kind in errorsByKind.
import type { BuiltRequest } from '../../request-mix.js';
import type { ClientOptions, SendCallback } from '../../load-client.js';
import { isLoopbackAddress } from '../../../common/loopback.js';

export interface HttpClient {
  /** Sends one request; `done` is called once, never synchronously, with the status or the error. */
  send(r: BuiltRequest, done: SendCallback): void;
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

/** A connection whose peer is not a loopback address, refused at connect time. */
export class RemoteAddressError extends TransportError {
  constructor(message: string) {
    super('ERR_REMOTE_TARGET', message);
  }
}

/**
 * The refusal for a connected socket's peer, or null when load may go there. The peer actually
 * connected to decides, not the URL's text: a name may resolve elsewhere.
 */
export function refusedPeer(peer: string | undefined, opts: Pick<HttpClientOptions, 'allowRemote'>): RemoteAddressError | null {
  if (opts.allowRemote || isLoopbackAddress(peer ?? '')) return null;
  return new RemoteAddressError(`refusing to send load to ${peer ?? 'an unknown address'}: not a loopback address (pass --allow-remote if the machine is yours to load)`);
}

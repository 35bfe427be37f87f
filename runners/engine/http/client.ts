// The open runner's HTTP client: one interface (transports/transport.ts), two transports.
//   h1      the lean HTTP/1.1 keep-alive client (net.Socket per connection, pre-serialised
//           requests, a byte parser): the default for http:// URLs, where the generator's own
//           CPU per request decides how much load one core can send
//   undici  undici's Pool: https:// URLs (TLS), and the fallback when asked for
// ARCHBENCH_HTTP_TRANSPORT=undici|h1 forces one (h1 cannot do https).
import type { BuiltRequest } from '../request-mix.js';
import { h1Client } from './h1.js';
import { undiciClient } from './undici.js';
import type { HttpClient, HttpClientOptions } from './transport.js';

export type { HttpClient, HttpClientOptions } from './transport.js';
export { TransportError } from './transport.js';
export type { SendCallback } from '../load-client.js';

export const HTTP_TRANSPORTS = ['h1', 'undici'] as const;
export type HttpTransport = (typeof HTTP_TRANSPORTS)[number];

/** The transport for `url`: `requested` (or ARCHBENCH_HTTP_TRANSPORT) if it can, else h1 for http: and undici for https:. */
export function httpTransportFor(url: string, requested: string | undefined = process.env.ARCHBENCH_HTTP_TRANSPORT): HttpTransport {
  const protocol = new URL(url).protocol;
  if (requested !== undefined && requested !== '') {
    if (!(HTTP_TRANSPORTS as readonly string[]).includes(requested)) {
      throw new Error(`ARCHBENCH_HTTP_TRANSPORT "${requested}" is unknown; valid: ${HTTP_TRANSPORTS.join(', ')}`);
    }
    if (requested === 'h1' && protocol !== 'http:') throw new Error(`the h1 transport speaks plain http only, not ${protocol} (${url}); use undici`);
    return requested as HttpTransport;
  }
  return protocol === 'http:' ? 'h1' : 'undici';
}

/**
 * Connections to `url`. Unless allowRemote, a socket whose peer is not a loopback address is
 * refused at connect time: the URL check is not enough when a name resolves elsewhere.
 */
export function httpClient(url: string, opts: HttpClientOptions & { transport?: HttpTransport }): HttpClient {
  const base = new URL(url);
  return httpTransportFor(url, opts.transport) === 'h1' ? h1Client(base, opts) : undiciClient(base, opts);
}

export type { BuiltRequest };

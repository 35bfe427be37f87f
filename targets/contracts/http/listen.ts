// Listen a node:http server with the keep-alive settings and the malformed-request answer
// every edge shares, and close it including idle keep-alive sockets (else close() waits for
// clients to hang up).
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError } from './client-error.js';
import { KEEP_ALIVE_TIMEOUT_MS } from './limits.js';

export interface ListeningServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

export async function listenHttp(server: Server, host: string, port: number): Promise<ListeningServer> {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  server.on('clientError', answerClientError);
  server.listen(port, host);
  await once(server, 'listening');
  const addr = server.address() as AddressInfo;
  return {
    host: addr.address,
    port: addr.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

// Connections are opened before the measured window (wrk's way; k6's preAllocatedVUs), so the
// window's first requests do not pay TCP handshakes.
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../../runners/engine/http/client.js';
import { preconnectCount } from '../../../runners/engine/engine.js';

describe('pre-connect', () => {
  let accepted = 0;
  const server = createServer((_req, res) => res.end('ok'));
  server.on('connection', () => accepted++);
  let url = '';
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('the h1 client opens the asked connections before any request, and reuses them', async () => {
    accepted = 0;
    const client = httpClient(url, { connections: 8, timeoutMs: 2000, allowRemote: false, transport: 'h1' });
    await client.connect!(5);
    // The client's handshakes are done; the server (same process) accepts on its next turns.
    for (let i = 0; i < 100 && accepted < 5; i++) await new Promise((r) => setTimeout(r, 10));
    expect(accepted).toBe(5);
    const status = await new Promise<number>((resolve) =>
      client.send({ name: 'get', index: 0, method: 'GET', path: '/', headers: {}, body: undefined, expect: () => true }, (s) => resolve(s)),
    );
    expect(status).toBe(200);
    expect(accepted).toBe(5);
    await client.close();
  });

  it('a closed share opens all its VUs; an open share its preAllocatedVUs, split over threads', () => {
    expect(preconnectCount({ type: 'constant-vus', vus: 8, duration: '1s' }, 0, 1)).toBe(8);
    expect(preconnectCount({ type: 'constant-vus', vus: 8, duration: '1s' }, 1, 3)).toBe(3);
    const open = { type: 'constant-arrival-rate', rate: 100, timeUnit: '1s', duration: '1s', preAllocatedVUs: 10, maxVUs: 200 } as const;
    expect(preconnectCount(open, 0, 1)).toBe(10);
    expect(preconnectCount(open, 0, 4)).toBe(3);
    expect(preconnectCount(open, 3, 4)).toBe(2);
  });
});

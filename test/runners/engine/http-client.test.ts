// The loopback guard at connect time: the peer address of the socket is checked, not the URL.
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { HTTP_TRANSPORTS, httpClient, httpTransportFor, type HttpTransport } from '../../../runners/engine/http/client.js';

// This machine's own non-loopback address: connecting to it never leaves the machine.
const ownAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && !a.internal && a.family === 'IPv4')?.address;

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

async function serve(host: string): Promise<string> {
  const s = createServer((_req, res) => res.end('ok'));
  servers.push(s);
  s.listen(0, host);
  await once(s, 'listening');
  return `http://${host}:${(s.address() as AddressInfo).port}`;
}

const get = { name: 'GET /', index: 0, method: 'GET' as const, path: '/', headers: {}, body: undefined, expect: () => true };
const send = (url: string, allowRemote: boolean, transport: HttpTransport) =>
  new Promise<{ status: number; err: Error | null }>((resolve) => {
    const c = httpClient(url, { connections: 1, timeoutMs: 2000, allowRemote, transport });
    c.send(get, (status, err) => {
      void c.close();
      resolve({ status, err });
    });
  });

describe.each(HTTP_TRANSPORTS)('open runner connect-time loopback guard (%s transport)', (transport) => {
  it('sends to loopback', async () => {
    expect(await send(await serve('127.0.0.1'), false, transport)).toEqual({ status: 200, err: null });
  });

  it.skipIf(!ownAddress)('refuses a non-loopback peer unless allowRemote, saying why', async () => {
    const url = await serve(ownAddress!);
    const refused = await send(url, false, transport);
    expect(refused.err).toMatchObject({ code: 'ERR_REMOTE_TARGET' });
    expect(refused.err!.message).toMatch(/not a loopback address.*--allow-remote/);
    expect(await send(url, true, transport)).toEqual({ status: 200, err: null });
  });
});

describe('transport choice', () => {
  it('takes h1 for http and undici for https, unless told otherwise', () => {
    expect(httpTransportFor('http://127.0.0.1:1', undefined)).toBe('h1');
    expect(httpTransportFor('https://127.0.0.1:1', undefined)).toBe('undici');
    expect(httpTransportFor('http://127.0.0.1:1', 'undici')).toBe('undici');
    expect(() => httpTransportFor('https://127.0.0.1:1', 'h1')).toThrow(/plain http only/);
    expect(() => httpTransportFor('http://127.0.0.1:1', 'h3')).toThrow(/unknown; valid: h1, undici/);
  });
});

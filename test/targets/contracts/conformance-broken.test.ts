// The suite must not pass vacuously: servers that are wrong in typical ways fail it.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { runConformance } from '../../../targets/contracts/conformance.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function serve(handler: RequestListener): Promise<string> {
  server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('runConformance against broken servers', () => {
  it('fails a server that answers 200 {} to everything', async () => {
    const url = await serve((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
    const report = await runConformance(url);
    expect(report.passed).toBe(false);
    // Almost everything fails, not just one check.
    expect(report.checks.filter((c) => !c.ok).length).toBeGreaterThan(report.checks.length * 0.8);
  });

  it('fails a server that is unreachable, with request errors as details', async () => {
    const url = await serve(() => undefined);
    server!.close();
    server!.closeAllConnections();
    const report = await runConformance(url, { requestTimeoutMs: 2000 });
    expect(report.passed).toBe(false);
    expect(report.checks.find((c) => !c.ok)?.detail).toMatch(/request failed/);
  });

  it('rejects when its signal is aborted instead of reporting', async () => {
    const url = await serve((req, res) => {
      req.resume();
      setTimeout(() => res.writeHead(200).end('{}'), 5000).unref();
    });
    const abort = new AbortController();
    setTimeout(() => abort.abort(new Error('cancelled by test')), 100);
    await expect(runConformance(url, { signal: abort.signal })).rejects.toThrow('cancelled by test');
  });
});

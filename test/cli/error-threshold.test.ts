// A run where many requests fail must not exit 0: every built-in scenario carries an error-rate
// threshold (a 54.5% error run during a broker outage once exited 0 with status ok).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../../scenarios/registry.js';
import { parseThresholds } from '../../analysis/thresholds.js';
import { bench } from '../helpers/cli.js';

let server: Server;
let url: string;
let out: string;
beforeAll(async () => {
  let n = 0;
  // Every other request fails: 50% errors.
  server = createServer((_req, res) => {
    res.statusCode = n++ % 2 ? 500 : 200;
    res.end('x');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  out = mkdtempSync(join(tmpdir(), 'error-threshold-'));
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(out, { recursive: true, force: true });
});

describe('error threshold', () => {
  it('every built-in scenario has an error-rate threshold', () => {
    for (const s of scenarios) {
      const parsed = parseThresholds(s.thresholds, s.requests.map((r) => r.name));
      expect(parsed.some((t) => t.base === 'errors' && t.aggregation === 'rate' && t.requestName === null), s.name).toBe(true);
    }
  });

  it('bench run exits 1 when half the requests fail', async () => {
    const r = await bench(['run', 'calibration', '--url', url, '-d', '1', '-w', '0', '-c', '2', '-o', join(out, 'half')]);
    expect(r.stdout).toMatch(/FAILED .*errors rate<0\.01/);
    expect(r.code).toBe(1);
  }, 60_000);
});

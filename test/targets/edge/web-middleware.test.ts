// --middleware web really runs on both frameworks (a signed session cookie set, a CSRF token
// handed out and checked on cookie-authenticated forms, an access-log line per request), and
// the API still passes the whole conformance suite behind it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../../targets/contracts/conformance.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../../targets/contracts/http/web-stack.js';
import { waitFor } from '../../helpers/cli.js';
import { startEdge, type EdgeTarget } from './start-edge.js';

function cookiesOf(res: Response): Map<string, string> {
  return new Map(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
}

describe.each(['fastify', 'express'] as const)('web middleware on %s', (framework) => {
  let t: EdgeTarget;
  beforeAll(async () => {
    t = await startEdge(framework, { middleware: 'web' });
  });
  afterAll(() => t?.stop());

  it('sets a signed session cookie and writes one access-log line per request', async () => {
    const res = await fetch(`${t.target.url}/health`);
    expect(res.status).toBe(200);
    const cookies = cookiesOf(res);
    expect(cookies.get(SESSION_COOKIE)).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(cookies.get(CSRF_COOKIE)).toBeTruthy();
    const log = join(t.dataDir, 'access.log');
    expect(await waitFor(() => /GET \/health 200 /.test(readFileSync(log, 'utf8')), 3000)).toBe(true);
  });

  it('keeps the session across requests and checks CSRF on a cookie-authenticated form, not on Bearer calls', async () => {
    const first = cookiesOf(await fetch(`${t.target.url}/health`));
    const cookie = `${SESSION_COOKIE}=${first.get(SESSION_COOKIE)}`;
    const body = (tag: string) => JSON.stringify({ name: 'Form User', email: `form-${tag}-${Date.now()}@example.com`, password: 'form-password-1' });
    const noToken = await fetch(`${t.target.url}/users`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: body('a') });
    expect(noToken.status).toBe(403);
    expect(await noToken.json()).toMatchObject({ error: { code: 'forbidden', field: CSRF_HEADER } });
    const withToken = await fetch(`${t.target.url}/users`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', [CSRF_HEADER]: first.get(CSRF_COOKIE)! },
      body: body('b'),
    });
    expect(withToken.status).toBe(201);
    // The same session answered: the CSRF token stayed the same.
    expect(cookiesOf(withToken).get(CSRF_COOKIE)).toBe(first.get(CSRF_COOKIE));
  });

  it('still passes the conformance suite', async () => {
    const report = await runConformance(t.target.url, { ...(t.target.jwtSecret ? { jwtSecret: t.target.jwtSecret } : {}) });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });
});

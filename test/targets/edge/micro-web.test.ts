// --middleware web on a micro target puts the web stack in the gateway (the public edge); the
// API still conforms behind it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runConformance } from '../../../targets/contracts/conformance.js';
import { SESSION_COOKIE } from '../../../targets/contracts/http/web-stack.js';
import { findTarget } from '../../../targets/catalog.js';
import { startTarget, type Started } from '../../lifecycle/start.js';

let s: Started;
beforeAll(async () => {
  s = await startTarget(findTarget('micro-rest-fastify')!, { edge: { middleware: 'web' } });
});
afterAll(() => s?.cleanup());

it('micro-rest-fastify --middleware web: the gateway sets the session cookie and the API conforms', async () => {
  const res = await fetch(`${s.target.url}/health`);
  expect(res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(true);
  const report = await runConformance(s.target.url, { ...(s.target.jwtSecret ? { jwtSecret: s.target.jwtSecret } : {}) });
  expect(report.checks.filter((c) => !c.ok)).toEqual([]);
});

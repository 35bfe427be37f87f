// --throttle names its subject from the verified token, and the route needs the same claims:
// one verification per request serves both (it was verified twice); a bad token is still refused.
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { TokenService } from '../../../targets/domain/auth/token-service.js';
import type { ChildServer } from '../../../targets/lifecycle/child.js';
import { createMonolithApp, type MonolithApp } from '../../../targets/monolith/app.js';
import { serveFastify } from '../../../targets/monolith/fastify.js';
import { TEST_SCRYPT_N, tempDir } from '../fixtures.js';

const dir = tempDir('archbench-verify-once-');
const SECRET = 'verify-once-secret-0123456789';
let app: MonolithApp;
let server: ChildServer;
let base = '';

beforeAll(async () => {
  app = await createMonolithApp({
    storage: { users: { kind: 'sqlite', dataDir: dir.path }, billing: { kind: 'sqlite', dataDir: dir.path } },
    jwtSecret: SECRET,
    scryptN: TEST_SCRYPT_N,
    switches: { plantLeak: false, namespace: 'verify-once', throttle: { limit: 1000, windowMs: 1000, store: 'memory' } },
  });
  server = await serveFastify(app.routes, { host: '127.0.0.1', port: 0, injectCpuUs: 0 });
  base = `http://127.0.0.1:${server.port}`;
});
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  await server?.close();
  await app?.close();
  dir.remove();
});

it('verifies the token once per throttled request, and still refuses a forged one', async () => {
  const user = await app.services.users.register({ name: 'Once', email: 'once@example.com', password: 'verify-once-pw' });
  const { token } = await app.services.tokens.issue(user.id);
  const verify = vi.spyOn(TokenService.prototype, 'verifyAuthorization');
  const ok = await fetch(`${base}/users/${user.id}/invoices`, { headers: { authorization: `Bearer ${token}` } });
  expect(ok.status).toBe(200);
  expect(verify).toHaveBeenCalledTimes(1);
  const again = await fetch(`${base}/users/${user.id}/invoices`, { headers: { authorization: `Bearer ${token}` } });
  expect(again.status).toBe(200);
  // Per request, never across requests: the second request verified its own token.
  expect(verify).toHaveBeenCalledTimes(2);
  const forged = await fetch(`${base}/users/${user.id}/invoices`, { headers: { authorization: `Bearer ${token.slice(0, -4)}AAAA` } });
  expect(forged.status).toBe(401);
  expect(verify).toHaveBeenCalledTimes(3);
});

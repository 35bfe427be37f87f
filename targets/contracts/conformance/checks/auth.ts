// GET /health, POST /auth/token (password checked), and 401 on every protected route for every bad token.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { healthResponse, tokenResponse } from '../../schemas.js';
import { createUser, newPassword, uniqueEmail, unknownId, type SuiteContext } from '../context.js';
import { need } from '../report.js';
import { expectBody, expectEqual, expectError, expectTrue } from '../expect.js';
import type { RequestOptions } from '../client.js';
import { expiredToken, noExpiryToken, unsignedToken, wrongSecretToken } from '../tokens.js';

export async function healthChecks({ api, rec }: SuiteContext): Promise<void> {
  await rec.check('GET /health -> 200 {status:"ok"}', async () => {
    expectBody(await api.get('/health'), 200, healthResponse);
  });
}

export async function tokenChecks(ctx: SuiteContext): Promise<void> {
  const { api, rec } = ctx;
  const password = newPassword();
  const user = await rec.setup('setup: POST /users with a password -> 201', () => createUser(ctx, 'Token User', password));
  ctx.account = await rec.setup('POST /auth/token with the password -> 200 HS256 JWT, sub = the user id, 15 min expiry', async () => {
    const u = need(user, 'POST /users');
    const { token } = expectBody(await api.post('/auth/token', { json: { email: `  ${u.email.toUpperCase()} `, password } }), 200, tokenResponse);
    expectEqual(decodeProtectedHeader(token).alg, 'HS256', 'alg');
    const claims = decodeJwt(token);
    expectEqual(claims.sub, u.id, 'sub');
    const now = Math.floor(Date.now() / 1000);
    expectTrue(typeof claims.exp === 'number' && Math.abs(claims.exp - now - 900) <= 120, `exp ${claims.exp} is not about now + 15 min`);
    return { id: u.id, email: u.email, password, token };
  });
  let unknownAnswer: unknown;
  await rec.check('POST /auth/token unknown email -> 401', async () => {
    const res = await api.post('/auth/token', { json: { email: uniqueEmail('nobody'), password } });
    expectError(res, 401, 'unauthorized');
    unknownAnswer = res.body;
  });
  await rec.check('POST /auth/token wrong password -> 401, the same answer as an unknown email', async () => {
    const u = need(user, 'POST /users');
    const res = await api.post('/auth/token', { json: { email: u.email, password: `${password}x` } });
    expectError(res, 401, 'unauthorized');
    expectEqual(res.body, need(unknownAnswer, 'unknown email answer'), 'body');
  });
  const bad: Array<[string, RequestOptions, string]> = [
    ['email missing', { json: { password } }, 'email'],
    ['email invalid', { json: { email: 'not-an-email', password } }, 'email'],
    ['email not a string', { json: { email: 42, password } }, 'email'],
    ['password missing', { json: { email: uniqueEmail() } }, 'password'],
    ['password not a string', { json: { email: uniqueEmail(), password: 12345678 } }, 'password'],
    ['unknown field', { json: { email: uniqueEmail(), password, admin: true } }, 'admin'],
    ['malformed JSON', { raw: '{"email":', contentType: 'application/json' }, 'body'],
  ];
  for (const [what, req, field] of bad) {
    await rec.check(`POST /auth/token ${what} -> 400 field ${field}`, async () => {
      expectError(await api.post('/auth/token', req), 400, 'validation', field);
    });
  }
}

const PROTECTED = [
  { name: 'POST /invoices', call: (ctx: SuiteContext, o: RequestOptions) => ctx.api.post('/invoices', { ...o, json: { userId: unknownId(), amountCents: 100, currency: 'EUR' } }) },
  { name: 'GET /users/:id/invoices', call: (ctx: SuiteContext, o: RequestOptions) => ctx.api.get(`/users/${unknownId()}/invoices`, o) },
  { name: 'POST /invoices/:id/pay', call: (ctx: SuiteContext, o: RequestOptions) => ctx.api.post(`/invoices/${unknownId()}/pay`, o) },
];

export async function unauthorizedChecks(ctx: SuiteContext): Promise<void> {
  const sub = unknownId();
  const secret = ctx.opts.jwtSecret;
  const cases: Array<[string, () => Promise<RequestOptions | 'skip'>]> = [
    ['missing token', async () => ({})],
    ['garbage token', async () => ({ token: 'garbage' })],
    ['non-Bearer scheme', async () => ({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })],
    ['alg:none token', async () => ({ token: unsignedToken(sub) })],
    ['token signed with another secret', async () => ({ token: await wrongSecretToken(sub) })],
    ['expired token', async () => (secret ? { token: await expiredToken(secret, sub) } : 'skip')],
    ['token without exp', async () => (secret ? { token: await noExpiryToken(secret, sub) } : 'skip')],
  ];
  for (const route of PROTECTED) {
    for (const [what, make] of cases) {
      await ctx.rec.check(`${route.name} ${what} -> 401`, async () => {
        const opts = await make();
        if (opts === 'skip') return 'skipped: no secret';
        expectError(await route.call(ctx, opts), 401, 'unauthorized');
      });
    }
  }
}

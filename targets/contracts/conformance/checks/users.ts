// POST /users and GET /users/:id: creation, normalisation, duplicates, retries, every invalid field.
import { userResponse } from '../../schemas.js';
import type { RequestOptions } from '../client.js';
import { newPassword, uniqueEmail, unknownId, type SuiteContext } from '../context.js';
import { expectBody, expectEqual, expectError } from '../expect.js';
import { need } from '../report.js';

export async function userChecks(ctx: SuiteContext): Promise<void> {
  const { api, rec } = ctx;
  const email = uniqueEmail('signup');
  const password = newPassword();
  // userResponse is strict: a password or hash in the body fails the shape check.
  const user = await rec.setup('POST /users -> 201 user (no password or hash), name trimmed, email lowercased', async () => {
    const u = expectBody(await api.post('/users', { json: { name: '  Ada Lovelace ', email: ` ${email.toUpperCase()}`, password } }), 201, userResponse);
    expectEqual(u.name, 'Ada Lovelace', 'name');
    expectEqual(u.email, email, 'email');
    return u;
  });
  await rec.check('GET /users/:id -> 200 the created user', async () => {
    const u = need(user, 'POST /users');
    expectEqual(expectBody(await api.get(`/users/${u.id}`), 200, userResponse), u, 'user');
  });
  await rec.check('POST /users retried with the same name, email and password -> 201 the same user (idempotent)', async () => {
    const u = need(user, 'POST /users');
    expectEqual(expectBody(await api.post('/users', { json: { name: 'Ada Lovelace', email, password } }), 201, userResponse), u, 'user');
  });
  await rec.check('POST /users duplicate email -> 409', async () => {
    expectError(await api.post('/users', { json: { name: 'Again', email, password } }), 409, 'conflict');
  });
  await rec.check('POST /users duplicate email, same name, other password -> 409', async () => {
    expectError(await api.post('/users', { json: { name: 'Ada Lovelace', email, password: newPassword() } }), 409, 'conflict');
  });
  await rec.check('POST /users duplicate email in other case -> 409', async () => {
    expectError(await api.post('/users', { json: { name: 'Again', email: email.replace('conformance', 'CONFORMANCE'), password } }), 409, 'conflict');
  });
  await rec.check('POST /users name of 100 chars -> 201', async () => {
    expectBody(await api.post('/users', { json: { name: 'n'.repeat(100), email: uniqueEmail(), password } }), 201, userResponse);
  });

  const ok = () => ({ name: 'Valid Name', email: uniqueEmail(), password: newPassword() });
  const bad: Array<[string, RequestOptions, string]> = [
    ['name missing', { json: { email: uniqueEmail(), password } }, 'name'],
    ['name blank', { json: { ...ok(), name: '   ' } }, 'name'],
    ['name of 101 chars', { json: { ...ok(), name: 'n'.repeat(101) } }, 'name'],
    ['name not a string', { json: { ...ok(), name: 7 } }, 'name'],
    ['email missing', { json: { name: 'Valid Name', password } }, 'email'],
    ['password missing', { json: { name: 'Valid Name', email: uniqueEmail() } }, 'password'],
    ['password of 7 chars', { json: { ...ok(), password: 'seven77' } }, 'password'],
    ['password of 129 chars', { json: { ...ok(), password: 'p'.repeat(129) } }, 'password'],
    ['password not a string', { json: { ...ok(), password: 12345678 } }, 'password'],
    ['email invalid', { json: { ...ok(), email: 'nobody@' } }, 'email'],
    ['email not a string', { json: { ...ok(), email: ['a@b.co'] } }, 'email'],
    ['unknown field', { json: { ...ok(), role: 'admin' } }, 'role'],
    ['body an array', { json: [ok()] }, 'body'],
    ['body null', { raw: 'null', contentType: 'application/json' }, 'body'],
    ['malformed JSON', { raw: '{"name": "x",', contentType: 'application/json' }, 'body'],
    ['empty body', { raw: '', contentType: 'application/json' }, 'body'],
  ];
  for (const [what, req, field] of bad) {
    await rec.check(`POST /users ${what} -> 400 field ${field}`, async () => {
      expectError(await api.post('/users', req), 400, 'validation', field);
    });
  }
  await rec.check('POST /users with content-type text/plain -> 415', async () => {
    expectError(await api.post('/users', { raw: JSON.stringify(ok()), contentType: 'text/plain' }), 415, 'unsupported_media_type');
  });
  await rec.check('POST /users body over 64 KiB -> 413', async () => {
    const big = JSON.stringify({ ...ok(), name: 'x'.repeat(70 * 1024) });
    expectError(await api.post('/users', { raw: big, contentType: 'application/json' }), 413, 'payload_too_large');
  });
  await rec.check('GET /users/:id malformed id -> 400 field id', async () => {
    expectError(await api.get('/users/not-a-uuid'), 400, 'validation', 'id');
  });
  await rec.check('GET /users/:id unknown id -> 404', async () => {
    expectError(await api.get(`/users/${unknownId()}`), 404, 'not_found');
  });
  await rec.check('GET /no-such-route -> 404 JSON error', async () => {
    expectError(await api.get('/no-such-route'), 404, 'not_found');
  });
}

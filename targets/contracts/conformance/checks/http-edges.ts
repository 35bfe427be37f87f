// HTTP edges that frameworks answer each their own way unless told: requests the parser cannot
// read, encoded bodies, methods a path does not take. Every target answers them alike, in the
// API's error format. Only /health, POST /users and GET /users/:id are used, so the reference
// target (bare-node-http) is held to the same edge.
import type { ApiResponse } from '../client.js';
import { newPassword, uniqueEmail, unknownId, type SuiteContext } from '../context.js';
import { expectEqual, expectError, expectStatus, expectTrue } from '../expect.js';
import { rawExchange } from '../raw-http.js';

const RAW_TIMEOUT_MS = 3000;

export async function httpEdgeChecks(ctx: SuiteContext, baseUrl: string): Promise<void> {
  const { api, rec } = ctx;
  const unreadable = async (request: string) => {
    const { responses, closed } = await rawExchange(baseUrl, request, RAW_TIMEOUT_MS, ctx.opts.signal);
    expectTrue(responses.length > 0, 'no response at all');
    for (const r of responses) {
      // Either the request itself (a truncated JSON body) or the bytes left over: a 400 in our format.
      const res: ApiResponse = { status: r.status, body: safeJson(r.text), text: r.text, headers: new Headers(r.headers) };
      expectError(res, 400, 'validation');
    }
    expectTrue(closed, 'the connection stayed open after an unreadable request');
  };

  await rec.check('POST /users with a Content-Length shorter than the body -> 400 JSON error, connection closed', async () => {
    const body = JSON.stringify({ name: 'Short Length', email: uniqueEmail('short'), password: newPassword() });
    await unreadable(`POST /users HTTP/1.1\r\nHost: conformance\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n${body}`);
  });
  await rec.check('a request line with a method no HTTP parser knows -> 400 JSON error, connection closed', async () => {
    await unreadable('BREW /health HTTP/1.1\r\nHost: conformance\r\n\r\n');
  });

  for (const encoding of ['gzip', 'deflate', 'br']) {
    await rec.check(`POST /users with content-encoding: ${encoding} on a plain JSON body -> 415`, async () => {
      const json = { name: 'Encoded', email: uniqueEmail('encoded'), password: newPassword() };
      expectError(await api.post('/users', { json, headers: { 'content-encoding': encoding } }), 415, 'unsupported_media_type');
    });
  }
  await rec.check('POST /users with content-encoding: identity -> 201', async () => {
    const json = { name: 'Identity', email: uniqueEmail('identity'), password: newPassword() };
    expectStatus(await api.post('/users', { json, headers: { 'content-encoding': 'identity' } }), 201);
  });

  const wrongMethod: Array<[string, string, string]> = [
    ['DELETE', `/users/${unknownId()}`, 'GET, HEAD'],
    ['PUT', '/users', 'POST'],
    ['GET', '/users', 'POST'],
    ['OPTIONS', '/health', 'GET, HEAD'],
    ['PATCH', '/health', 'GET, HEAD'],
  ];
  for (const [method, path, allow] of wrongMethod) {
    await rec.check(`${method} ${path.replace(/[0-9a-f-]{36}/, ':id')} -> 405 with Allow: ${allow}`, async () => {
      const res = await api.request(method, path, {});
      expectError(res, 405, 'method_not_allowed');
      expectEqual(res.headers.get('allow'), allow, 'Allow header');
    });
  }
  await rec.check('DELETE /no-such-route -> 404 JSON error', async () => {
    expectError(await api.request('DELETE', '/no-such-route', {}), 404, 'not_found');
  });
  await rec.check('HEAD /health -> 200 without a body', async () => {
    const res = await api.request('HEAD', '/health', {});
    expectStatus(res, 200);
    expectEqual(res.text, '', 'body');
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The lean transport's request bytes: static requests reuse one Buffer, dynamic ones are
// serialised per request, and nothing a scenario returns can inject a header.
import { describe, expect, it } from 'vitest';
import { InvalidRequestError, RequestWriter } from '../../../runners/engine/http/h1-request.js';
import { builtRequest } from './built-request.js';

const req = builtRequest;

describe('RequestWriter', () => {
  it('writes a GET with the Host of the URL and the URL path as prefix', () => {
    const w = new RequestWriter('127.0.0.1:8080', '/api');
    expect(w.bytes(req({ path: '/users/1?x=1', headers: { authorization: 'Bearer t' } })).toString('latin1')).toBe(
      'GET /api/users/1?x=1 HTTP/1.1\r\nauthorization: Bearer t\r\nhost: 127.0.0.1:8080\r\n\r\n',
    );
  });

  it('reuses the bytes of a request equal to the last one of its definition, and only then', () => {
    const w = new RequestWriter('h', '');
    const a = w.bytes(req({ headers: { 'x-a': '1' } }));
    expect(w.bytes(req({ headers: { 'x-a': '1' } }))).toBe(a);
    const b = w.bytes(req({ headers: { 'x-a': '2' } }));
    expect(b).not.toBe(a);
    expect(b.toString()).toContain('x-a: 2');
    expect(w.bytes(req({ headers: { 'x-a': '2', 'x-b': '3' } })).toString()).toContain('x-b: 3');
    expect(w.bytes(req({ headers: {} })).toString()).not.toContain('x-');
    expect(w.bytes(req({ path: '/other' })).toString()).toMatch(/^GET \/other /);
    // Another definition (index) has its own template.
    expect(w.bytes(req({ index: 1, method: 'DELETE' })).toString()).toMatch(/^DELETE \/ /);
    expect(w.bytes(req({ path: '/other' })).toString()).toMatch(/^GET \/other /);
  });

  it('states the body length in bytes (UTF-8) and drops a Content-Length given by the scenario', () => {
    const w = new RequestWriter('h', '');
    const body = JSON.stringify({ name: 'Zoë ✓' });
    const out = w.bytes(req({ method: 'POST', path: '/users', body, headers: { 'content-type': 'application/json', 'Content-Length': '3' } }));
    const text = out.toString('utf8');
    expect(text).toBe(`POST /users HTTP/1.1\r\ncontent-type: application/json\r\nhost: h\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    expect(Buffer.byteLength(body)).toBeGreaterThan(body.length);
  });

  it('says content-length: 0 for POST, PUT and PATCH without body, like undici', () => {
    const w = new RequestWriter('h', '');
    expect(w.bytes(req({ method: 'POST', path: '/invoices/1/pay' })).toString()).toContain('content-length: 0\r\n');
    expect(w.bytes(req({ index: 1, method: 'GET' })).toString()).not.toContain('content-length');
  });

  it("keeps the scenario's own Host header", () => {
    const w = new RequestWriter('127.0.0.1:1', '');
    const text = w.bytes(req({ headers: { Host: 'example.test' } })).toString();
    expect(text).toContain('Host: example.test\r\n');
    expect(text).not.toContain('127.0.0.1');
  });

  it.each([
    ['a CRLF in a header value', { headers: { 'x-a': 'v\r\nx-injected: 1' } }],
    ['a header name that is not a token', { headers: { 'x a': 'v' } }],
    ['a space in the path', { path: '/a b' }],
    ['a character beyond Latin-1 in the path', { path: '/é✓' }],
    ['a streamed body', { method: 'POST' as const, body: 'x', headers: { 'transfer-encoding': 'chunked' } }],
  ])('refuses %s', (_what, over) => {
    expect(() => new RequestWriter('h', '').bytes(req(over))).toThrow(InvalidRequestError);
  });
});

// fastify edge: registers the shared routes; all request semantics live in contracts/http.
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import type { AddressInfo } from 'node:net';
import { cpuBurner } from '../contracts/http/busy-work.js';
import { answerClientError } from '../contracts/http/client-error.js';
import { toErrorResponse, type HttpResponse } from '../contracts/http/errors.js';
import { BODY_LIMIT_BYTES, KEEP_ALIVE_TIMEOUT_MS } from '../contracts/http/limits.js';
import type { WebExchange } from '../contracts/http/web-stack.js';
import { rawRequest, unmatchedFor, webRequest, type ServeApi } from './edge.js';

function send(reply: FastifyReply, res: HttpResponse): FastifyReply {
  if (res.headers) reply.headers(res.headers);
  return reply.code(res.status).send(res.body);
}

export const serveFastify: ServeApi = async (routes, opts) => {
  const app = Fastify({
    logger: false,
    disableRequestLogging: true,
    bodyLimit: BODY_LIMIT_BYTES,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    // Unreadable requests get the API's error format, as on every edge (not fastify's own).
    clientErrorHandler: answerClientError,
  });
  // Bytes only: decoding is shared with express (contracts/http/body.ts), so a wrong
  // content-type or malformed JSON gets the same answer on both frameworks.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  const burn = cpuBurner(opts.injectCpuUs);
  if (burn) app.addHook('onRequest', async () => burn());
  const web = opts.web;
  if (web) {
    const exchanges = new WeakMap<object, WebExchange>();
    app.addHook('onRequest', async (req, reply) => {
      const x = web.begin(webRequest(req.method, req.url.split('?')[0] ?? '', req.headers));
      exchanges.set(req, x);
      reply.header('set-cookie', x.setCookies);
      if (x.refused) return send(reply, x.refused);
    });
    app.addHook('onResponse', async (req, reply) => exchanges.get(req)?.finish(reply.statusCode));
  }
  // Loaded only when served: a REST-only target pays no GraphQL import or memory.
  if (opts.graphql) await (await import('./graphql-fastify.js')).registerFastifyGraphQL(app, opts.graphql);

  for (const route of routes) {
    app.route({
      method: route.spec.method,
      url: route.spec.path,
      handler: async (req, reply) =>
        send(
          reply,
          await route.handle(
            rawRequest(req, req.raw, reply.raw),
          ),
        ),
    });
  }
  const unmatched = unmatchedFor(routes);
  app.setNotFoundHandler((req, reply) => send(reply, unmatched(req.method, req.url.split('?')[0] ?? '')));
  // Only framework errors arrive here (too large, bad content-length): handlers never throw.
  app.setErrorHandler((err: FastifyError, _req, reply) => send(reply, toErrorResponse(err)));

  await app.listen({ host: opts.host, port: opts.port });
  const addr = app.server.address() as AddressInfo;
  return { host: addr.address, port: addr.port, close: () => app.close() };
};

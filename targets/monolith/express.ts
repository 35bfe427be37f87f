// express edge: registers the shared routes; all request semantics live in contracts/http.
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import { createServer } from 'node:http';
import { cpuBurner } from '../contracts/http/busy-work.js';
import { isIdentityEncoding } from '../contracts/http/body.js';
import { toErrorResponse, type HttpResponse } from '../contracts/http/errors.js';
import { BODY_LIMIT_BYTES } from '../contracts/http/limits.js';
import { listenHttp } from '../contracts/http/listen.js';
import { headerValue, rawRequest, unmatchedFor, webRequest, type ServeApi } from './edge.js';

function send(res: Response, out: HttpResponse): void {
  if (out.headers) res.set(out.headers);
  res.status(out.status).json(out.body);
}

export const serveExpress: ServeApi = async (routes, opts) => {
  const app = express();
  // Match fastify's defaults so the comparison is about the framework, not its settings:
  // no ETag hashing of every body, exact paths, no banner header.
  app.set('etag', false);
  app.set('strict routing', true);
  app.set('case sensitive routing', true);
  app.disable('x-powered-by');

  const burn = cpuBurner(opts.injectCpuUs);
  if (burn) app.use((_req, _res, next) => (burn(), next()));
  const web = opts.web;
  if (web) {
    app.use((req, res, next) => {
      const x = web.begin(webRequest(req.method, req.path, req.headers));
      res.setHeader('set-cookie', x.setCookies);
      res.on('finish', () => x.finish(res.statusCode));
      if (x.refused) return send(res, x.refused);
      next();
    });
  }
  // Before the raw body parser below: Apollo reads parsed JSON. Loaded only when served.
  const stopGraphQL = opts.graphql ? await (await import('./graphql-express.js')).mountExpressGraphQL(app, opts.graphql) : undefined;
  // Bytes only, whatever the content-type: decoding is shared with fastify (contracts/http/body.ts).
  // An encoded body is left unread: the shared pipeline refuses it (415) after the auth check,
  // as on fastify, instead of body-parser inflating it (or failing) before routing.
  app.use(express.raw({ type: (req) => isIdentityEncoding(headerValue(req.headers['content-encoding'])), limit: BODY_LIMIT_BYTES }));

  for (const route of routes) {
    const method = route.spec.method === 'GET' ? 'get' : 'post';
    app[method](route.spec.path, (req: Request, res: Response) => {
      route
        .handle(
          rawRequest(req, req, res),
        )
        .then((out) => send(res, out), (err: unknown) => send(res, toErrorResponse(err)));
    });
  }
  const unmatched = unmatchedFor(routes);
  app.use((req: Request, res: Response) => send(res, unmatched(req.method, req.path)));
  // Only framework errors arrive here (too large, bad content-length): handlers never throw.
  const onError: ErrorRequestHandler = (err, _req, res, _next) => send(res, toErrorResponse(err));
  app.use(onError);

  const server = createServer(app);
  const served = await listenHttp(server, opts.host, opts.port);
  return stopGraphQL ? { ...served, close: async () => (await served.close(), await stopGraphQL()) } : served;
};

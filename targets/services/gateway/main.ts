// Child entry of the gateway: the public HTTP edge of the micro topology, on fastify or express
// (the monolith's edges, reused), routing to users and billing over the chosen transport.
import { bindRoutes, verifiedOncePerRequest } from '../../contracts/http/pipeline.js';
import { WebStack } from '../../contracts/http/web-stack.js';
import { TokenService } from '../../domain/auth/token-service.js';
import { serveChild } from '../../lifecycle/child.js';
import { closingAlso } from '../../lifecycle/owned.js';
import type { ServeApi } from '../../monolith/edge.js';
import { loadTransport } from '../../transports/registry.js';
import { gatewayConfigSchema, parseConfig, type GatewayConfig } from '../config.js';
import { gatewayHandlers } from './handlers.js';
import { gatewayGraphQLReads } from './graphql-reads.js';
import { edgeAuthenticate, throttledRoutes } from '../../lifecycle/edge-switches.js';

serveChild<GatewayConfig>(async (raw) => {
  const cfg = parseConfig(gatewayConfigSchema, raw, 'gateway');
  const serve: ServeApi =
    cfg.framework === 'fastify'
      ? (await import('../../monolith/fastify.js')).serveFastify
      : (await import('../../monolith/express.js')).serveExpress;
  const transport = await loadTransport(cfg.transport);
  const broker = { ...(cfg.brokerUrl === undefined ? {} : { brokerUrl: cfg.brokerUrl }), ...(cfg.brokerNamespace === undefined ? {} : { namespace: cfg.brokerNamespace }) };
  const users = await transport.connect('users', { endpoints: cfg.peers.users, timeoutMs: cfg.callTimeoutMs, ...broker });
  const billing = await transport.connect('billing', { endpoints: cfg.peers.billing, timeoutMs: cfg.callTimeoutMs, ...broker });
  const tokens = new TokenService({ secret: cfg.jwtSecret });
  // One verification per request, shared by the rate limit and the route (issue 17).
  const verify = verifiedOncePerRequest((h) => tokens.verifyAuthorization(h));
  // GraphQL authenticates as the REST routes do (a planted leak reaches both).
  const authenticate = edgeAuthenticate(cfg.switches, verify);
  const switched = await throttledRoutes(bindRoutes(gatewayHandlers({ users, billing, tokens }), authenticate), cfg.switches, verify);
  const graphql = cfg.graphqlLoader ? { reads: gatewayGraphQLReads(users, billing), authenticate, loader: cfg.graphqlLoader === 'on' } : undefined;
  const web = cfg.middleware === 'web' ? new WebStack({ secret: cfg.jwtSecret, logFile: cfg.accessLog }) : undefined;
  const closeClients = () => Promise.all([users.close(), billing.close(), switched.close(), web?.close()]).then(() => undefined);
  return closingAlso(closeClients, () => serve(switched.routes, { host: cfg.host, port: cfg.port, injectCpuUs: cfg.injectCpuUs, ...(web ? { web } : {}), ...(graphql ? { graphql } : {}) }));
});

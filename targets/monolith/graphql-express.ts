// POST /graphql on express: Apollo Server (the most used GraphQL server) through its express 5
// integration, over the shared schema and resolvers (contracts/graphql).
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { graphqlContext, graphqlResolvers, type GraphQLContext } from '../contracts/graphql/resolvers.js';
import type { GraphQLEdge } from '../contracts/graphql/reads.js';
import { GRAPHQL_PATH, GRAPHQL_SCHEMA } from '../contracts/graphql/schema.js';
import { BODY_LIMIT_BYTES } from '../contracts/http/limits.js';
import { headerValue } from './edge.js';

/** Mounts POST /graphql; call before the API's raw body parser. Resolves to the server's stop. */
export async function mountExpressGraphQL(app: Express, edge: GraphQLEdge): Promise<() => Promise<void>> {
  const server = new ApolloServer<GraphQLContext>({
    typeDefs: GRAPHQL_SCHEMA,
    resolvers: graphqlResolvers,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await server.start();
  app.post(
    GRAPHQL_PATH,
    express.json({ limit: BODY_LIMIT_BYTES }),
    expressMiddleware(server, { context: async ({ req }) => graphqlContext(edge, headerValue(req.headers.authorization)) }),
  );
  return () => server.stop();
}

// POST /graphql on fastify: mercurius, the GraphQL server of the fastify ecosystem, over the
// shared schema and resolvers (contracts/graphql).
import type { FastifyInstance } from 'fastify';
import mercurius from 'mercurius';
import { GRAPHQL_PATH, GRAPHQL_SCHEMA } from '../contracts/graphql/schema.js';
import { graphqlContext, graphqlResolvers } from '../contracts/graphql/resolvers.js';
import type { GraphQLEdge } from '../contracts/graphql/reads.js';
import { headerValue } from './edge.js';

export async function registerFastifyGraphQL(app: FastifyInstance, edge: GraphQLEdge): Promise<void> {
  await app.register(async (scope) => {
    // The API's routes read raw bytes (contracts/http/body.ts); mercurius needs parsed JSON, in
    // its own encapsulated scope only.
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, scope.getDefaultJsonParser('error', 'error'));
    await scope.register(mercurius, {
      schema: GRAPHQL_SCHEMA,
      resolvers: graphqlResolvers as unknown as mercurius.IResolvers,
      path: GRAPHQL_PATH,
      graphiql: false,
      context: (req) => graphqlContext(edge, headerValue(req.headers.authorization)),
    });
  });
}

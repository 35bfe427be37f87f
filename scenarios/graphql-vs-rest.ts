import { defineScenario } from './define.js';
import { graphqlGetUser, graphqlListInvoices, graphqlUsersWithInvoices } from './graphql-requests.js';
import { getUser, listInvoices } from './requests.js';

// GraphQL next to REST (issue 17 item 6): the same reads both ways on the same targets (per
// request names separate them), plus the N+1 query, on fastify (mercurius) and express
// (Apollo), with and without the batching loader. One run; byRequest compares.
export default defineScenario({
  name: 'graphql-vs-rest',
  description: 'The same user and invoice reads over REST and GraphQL, plus the N+1 query with and without a loader.',
  seed: { users: 200, invoicesPerUser: 5 },
  requests: [getUser(25), graphqlGetUser(25), listInvoices(15), graphqlListInvoices(15), graphqlUsersWithInvoices(20)],
  executor: { type: 'constant-vus', vus: 16, duration: '15s' },
  warmup: '3s',
  thresholds: { errors: ['rate<0.01'], checks: ['rate>0.99'] },
  defaults: {
    targets: ['monolith-fastify-graphql', 'monolith-fastify-graphql-noloader', 'monolith-express-graphql', 'monolith-express-graphql-noloader'],
    baseline: 'monolith-fastify-graphql',
  },
});

// What a lifecycle serves: an application container's routes and how to tear it down.
import type { GraphQLEdge } from '../contracts/graphql/reads.js';
import type { BoundRoute } from '../contracts/http/pipeline.js';

export interface ServedApp {
  routes: BoundRoute[];
  /** The container's GraphQL reads; only a container that lives across requests offers them. */
  graphql?: Omit<GraphQLEdge, 'loader'>;
  close(): Promise<void>;
}

/**
 * Builds the whole application container: reads its config, opens its storage, prepares
 * statements, binds routes. `persistent` calls it once, `boot` once per request, `process`
 * once per request in a fresh process.
 */
export type AppFactory = () => Promise<ServedApp>;

export function routeOf(app: ServedApp, id: BoundRoute['id']): BoundRoute {
  const route = app.routes.find((r) => r.id === id);
  if (!route) throw new Error(`the application has no route "${id}"`);
  return route;
}

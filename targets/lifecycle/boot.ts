// boot: the PHP-FPM model. The HTTP server stays up, but every request builds the whole
// application container (config, storage connection, prepared statements, routes), is
// served by it, and tears it down, so the request does the persistent work plus the boot.
import { routes as apiRoutes, type RouteId } from '../contracts/api.js';
import { toErrorResponse } from '../contracts/http/errors.js';
import type { BoundRoute } from '../contracts/http/pipeline.js';
import { routeOf, type AppFactory, type ServedApp } from './served-app.js';

export async function bootPerRequest(build: AppFactory): Promise<ServedApp> {
  // One boot at start-up: a broken config or unreachable database fails the start, not every request.
  await (await build()).close();
  const routes: BoundRoute[] = (Object.keys(apiRoutes) as RouteId[]).map((id) => ({
    id,
    spec: apiRoutes[id],
    async handle(raw) {
      let app: ServedApp | undefined;
      try {
        app = await build();
        return await routeOf(app, id).handle(raw);
      } catch (err) {
        return toErrorResponse(err);
      } finally {
        // Torn down before the answer leaves, as a PHP request ends when its script ends.
        await app?.close().catch((err: unknown) => console.error('teardown failed:', err));
      }
    },
  }));
  return { routes, close: async () => undefined };
}

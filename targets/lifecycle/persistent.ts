// persistent: boot once, serve every request from the same container (Octane, RoadRunner).
import type { AppFactory, ServedApp } from './served-app.js';

export function persistent(build: AppFactory): Promise<ServedApp> {
  return build();
}

// The monolith's AppFactory: read the config (as a PHP request reads .env), then build the
// container. Lifecycles decide how often this runs: once, or once per request.
import { childConfig } from '../lifecycle/child.js';
import type { ServedApp } from '../lifecycle/served-app.js';
import { createMonolithApp } from './app.js';
import { parseMonolithConfig } from './config.js';

export async function buildMonolithFromConfig(): Promise<ServedApp> {
  const cfg = parseMonolithConfig(childConfig());
  return createMonolithApp({ storage: cfg.storage, jwtSecret: cfg.jwtSecret, scryptN: cfg.scryptN, stateProbe: cfg.stateProbe, switches: cfg.switches });
}

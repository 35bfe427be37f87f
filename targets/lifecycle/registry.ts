// The lifecycles, one entry each: how an application container is turned into served routes.
import type { Lifecycle } from '../target.js';
import { bootPerRequest } from './boot.js';
import { persistent } from './persistent.js';
import { processPerRequest, type ProcessLifecycleOptions } from './process-per-request.js';
import type { AppFactory, ServedApp } from './served-app.js';

export interface LifecycleInput {
  build: AppFactory;
  process: ProcessLifecycleOptions;
}

export const lifecycles: Record<Lifecycle, (input: LifecycleInput) => Promise<ServedApp>> = {
  persistent: ({ build }) => persistent(build),
  boot: ({ build }) => bootPerRequest(build),
  process: ({ process }) => processPerRequest(process),
};

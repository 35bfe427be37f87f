// HTTP/1.1 as a load protocol: seeding through the public API, the scenario's RequestMix and
// keep-alive connections (client.ts). A scenario with checks goes through undici, which hands
// over the body the checks read; the lean h1 parser skips bodies.
import { RequestMix } from '../request-mix.js';
import type { LoadProtocol } from '../load-client.js';
import { httpClient } from './client.js';
import { seed } from './seed.js';

export const httpProtocol: LoadProtocol = {
  name: 'http',
  seed: (url, spec, runId, signal) => seed(url, spec, runId, signal),
  async open(url, scenario, context, opts) {
    return {
      mix: new RequestMix(scenario.requests, context),
      client: httpClient(url, scenario.requests.some((r) => r.checks) ? { ...opts, transport: 'undici' } : opts),
      statusKind: (status) => `http_${status}`,
    };
  },
};

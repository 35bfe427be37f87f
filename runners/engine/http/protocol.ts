// HTTP/1.1 as a load protocol: the scenario's RequestMix and keep-alive connections (http-client.ts).
import { RequestMix } from '../request-mix.js';
import type { LoadProtocol } from '../load-client.js';
import { httpClient } from './client.js';

export const httpProtocol: LoadProtocol = {
  name: 'http',
  async open(url, scenario, context, opts) {
    return {
      mix: new RequestMix(scenario.requests, context),
      client: httpClient(url, opts),
      statusKind: (status) => `http_${status}`,
    };
  },
};

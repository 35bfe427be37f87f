// The explicit list of wire protocols the load loops speak, loaded on demand so that an HTTP
// run never loads grpc-js. A scenario's requests decide its protocol (scenarioProtocol).
import { scenarioProtocol, type ScenarioProtocol, type Scenario } from '../scenarios/define.js';
import type { LoadProtocol } from './engine/load-client.js';

const loaders: Readonly<Record<ScenarioProtocol, () => Promise<LoadProtocol>>> = {
  http: async () => (await import('./engine/http/protocol.js')).httpProtocol,
  grpc: async () => (await import('./grpc/protocol.js')).grpcProtocol,
};

export function protocolFor(scenario: Scenario): Promise<LoadProtocol> {
  return loaders[scenarioProtocol(scenario)]();
}

/** A loopback URL of the scenario's protocol, for choosing a runner before any target has started. */
export function probeUrl(scenario: Scenario): string {
  return scenarioProtocol(scenario) === 'grpc' ? 'grpc://127.0.0.1:1' : 'http://127.0.0.1';
}

// A scenario speaks one protocol and every selected target must speak it too: checked before
// anything starts, with the targets that would fit.
import { parseGrpcUrl } from '../runners/grpc/address.js';
import { scenarioProtocol, type Scenario } from '../scenarios/define.js';
import { targets as catalog } from '../targets/catalog.js';
import type { TargetSpec } from '../targets/target.js';
import { UsageError } from '../common/errors.js';

const protocolOf = (t: TargetSpec) => t.protocol ?? 'http';

export function checkProtocols(scenario: Scenario, targets: readonly TargetSpec[], verifyFlag: boolean | undefined): void {
  const wanted = scenarioProtocol(scenario);
  const wrong = targets.filter((t) => protocolOf(t) !== wanted);
  if (wrong.length) {
    const fit = catalog.filter((t) => protocolOf(t) === wanted && t.axes.topology !== 'calibration').map((t) => t.name);
    const what = wanted === 'grpc' ? 'gRPC calls' : 'HTTP requests';
    const urlHint = wanted === 'grpc' ? ' or --url grpc://HOST:PORT' : ' or --url http://HOST:PORT';
    throw new UsageError(
      `scenario "${scenario.name}" sends ${what}, but ${wrong.map((t) => `${t.name} serves ${protocolOf(t) === 'grpc' ? 'gRPC' : 'HTTP'}`).join(', ')}; ` +
        `targets that fit: ${fit.join(', ')}${urlHint}`,
    );
  }
  if (wanted === 'grpc' && verifyFlag === true) throw new UsageError('--verify runs the HTTP conformance suite; it does not apply to gRPC targets');
}

/** --url grpc://HOST:PORT needs a port; anything else about the URL is checked by externalTarget. */
export function checkGrpcUrl(url: string): void {
  if (!url.startsWith('grpc:')) return;
  parseGrpcUrl(url);
}

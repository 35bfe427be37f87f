// --nats-url, --amqp-url, --redis-url: shared by `bench run` and `bench verify`. A flag wins
// over its ARCHBENCH_*_URL variable, which wins over the local standard port; a malformed
// value from either is a usage error naming where it came from.
import type { Command } from 'commander';
import { BROKERS, brokerKinds, brokerUrlProblem, type BrokerKind, type BrokerRequest } from '../harness/target-options.js';
import { UsageError } from '../common/errors.js';

export type BrokerFlags = BrokerRequest;


function urlOption(kind: BrokerKind) {
  return (raw: string): string => {
    const problem = brokerUrlProblem(kind, raw);
    if (problem) throw new UsageError(`invalid ${BROKERS[kind].flag} "${raw}": ${problem}`);
    return raw;
  };
}

export function addBrokerOptions(cmd: Command): Command {
  for (const kind of brokerKinds) {
    const b = BROKERS[kind];
    cmd.option(`${b.flag} <url>`, `${b.title} broker of micro-${kind}-* targets (default $${b.envVar} or ${b.defaultUrl}); unreachable = those targets are skipped`, urlOption(kind));
  }
  return cmd;
}


// --nats-url, --amqp-url, --redis-url: shared by `bench run` and `bench verify`. A flag wins
// over its ARCHBENCH_*_URL variable, which wins over the local standard port; a malformed
// value from either is a usage error naming where it came from.
import type { Command } from 'commander';
import { BROKERS, brokerKinds, brokerUrlProblem, type BrokerKind, type BrokerUrls } from '../targets/transports/broker-config.js';
import type { TargetOptions } from '../targets/target.js';
import { UsageError } from '../common/errors.js';

export interface BrokerFlags {
  natsUrl?: string;
  amqpUrl?: string;
  redisUrl?: string;
}

const FLAG_KEYS: Record<BrokerKind, keyof BrokerFlags> = { nats: 'natsUrl', amqp: 'amqpUrl', redis: 'redisUrl' };

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

export function brokerTargetOptions(flags: BrokerFlags, env: NodeJS.ProcessEnv = process.env): Pick<TargetOptions, 'brokerUrls'> {
  const urls: BrokerUrls = {};
  for (const kind of brokerKinds) {
    const b = BROKERS[kind];
    const fromFlag = flags[FLAG_KEYS[kind]];
    const fromEnv = env[b.envVar];
    if (fromFlag === undefined && fromEnv !== undefined) {
      const problem = brokerUrlProblem(kind, fromEnv);
      if (problem) throw new UsageError(`invalid ${b.envVar} "${fromEnv}": ${problem} (or pass ${b.flag})`);
    }
    const url = fromFlag ?? fromEnv;
    if (url !== undefined) urls[kind] = url;
  }
  return Object.keys(urls).length ? { brokerUrls: urls } : {};
}

// Where each broker lives: flag > environment variable > the local standard port. One entry per
// broker, so the CLI, the skip message and the broker-CPU sampler all read the same facts.
import { randomBytes } from 'node:crypto';

export type BrokerKind = 'nats' | 'amqp' | 'redis';

export interface BrokerInfo {
  kind: BrokerKind;
  title: string;
  defaultUrl: string;
  envVar: string;
  flag: string;
  protocols: readonly string[];
  defaultPort: number;
  /** /proc comm of the broker server, to sample its CPU when it runs locally. */
  processName: string;
}

export const BROKERS: Readonly<Record<BrokerKind, BrokerInfo>> = {
  nats: {
    kind: 'nats',
    title: 'NATS',
    defaultUrl: 'nats://127.0.0.1:4222',
    envVar: 'ARCHBENCH_NATS_URL',
    flag: '--nats-url',
    protocols: ['nats:'],
    defaultPort: 4222,
    processName: 'nats-server',
  },
  amqp: {
    kind: 'amqp',
    title: 'RabbitMQ',
    defaultUrl: 'amqp://guest:guest@127.0.0.1:5672',
    envVar: 'ARCHBENCH_AMQP_URL',
    flag: '--amqp-url',
    protocols: ['amqp:'],
    defaultPort: 5672,
    processName: 'beam.smp',
  },
  redis: {
    kind: 'redis',
    title: 'Redis',
    defaultUrl: 'redis://127.0.0.1:6379',
    envVar: 'ARCHBENCH_REDIS_URL',
    flag: '--redis-url',
    protocols: ['redis:'],
    defaultPort: 6379,
    processName: 'redis-server',
  },
};

export const brokerKinds = Object.keys(BROKERS) as BrokerKind[];

export function isBrokerKind(name: string | undefined): name is BrokerKind {
  return name !== undefined && Object.hasOwn(BROKERS, name);
}

export type BrokerUrls = Partial<Record<BrokerKind, string>>;

/** Why a broker URL is unusable, or null when it is fine. */
export function brokerUrlProblem(kind: BrokerKind, raw: string): string | null {
  const info = BROKERS[kind];
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return `expected a URL such as ${info.defaultUrl}`;
  }
  if (!info.protocols.includes(u.protocol)) return `expected a ${info.protocols.join(' or ')}// URL such as ${info.defaultUrl}`;
  if (!u.hostname) return `the URL names no host; expected e.g. ${info.defaultUrl}`;
  return null;
}

/** The URL a target uses: the flag's value, else the environment variable, else the default. */
export function resolveBrokerUrl(kind: BrokerKind, urls: BrokerUrls | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return urls?.[kind] ?? env[BROKERS[kind].envVar] ?? BROKERS[kind].defaultUrl;
}

export function hostPort(kind: BrokerKind, url: string): { host: string; port: number } {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port: u.port ? Number(u.port) : BROKERS[kind].defaultPort };
}

/** The URL for messages: the password is never printed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** A fresh prefix for one target start, valid in NATS subjects, AMQP queue names and Redis keys. */
export function newNamespace(): string {
  return `ab-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

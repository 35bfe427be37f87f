// What a test start left on the real brokers: names under namespaces created after `sinceMs`
// (namespaces are "ab-<base36 ms>-<hex>", so other engineers' older runs are not counted).
import { execFileSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { connect } from 'nats';
import { BROKERS } from '../../targets/transports/broker-config.js';

function createdSince(name: string, sinceMs: number): boolean {
  const m = /ab-([0-9a-z]+)-[0-9a-f]{6}/.exec(name);
  return m !== null && parseInt(m[1]!, 36) >= sinceMs;
}

export async function brokerNames(transport: string, sinceMs: number): Promise<string[]> {
  if (transport === 'redis') {
    const r = new Redis(BROKERS.redis.defaultUrl);
    try {
      return (await r.keys('ab-*')).filter((k) => createdSince(k, sinceMs));
    } finally {
      r.disconnect();
    }
  }
  if (transport === 'nats') {
    const nc = await connect({ servers: '127.0.0.1:4222' });
    try {
      const jsm = await nc.jetstreamManager();
      return (await jsm.streams.names().next()).filter((n) => createdSince(n.replace(/_/g, '-'), sinceMs));
    } finally {
      await nc.close();
    }
  }
  if (transport === 'amqp') {
    // rabbitmqctl needs no management plugin; it lists queue names only.
    try {
      const out = execFileSync('rabbitmqctl', ['list_queues', 'name', '--quiet', '--no-table-headers'], { encoding: 'utf8', timeout: 20_000 });
      return out.split('\n').map((l) => l.trim()).filter((n) => createdSince(n, sinceMs));
    } catch {
      return [];
    }
  }
  throw new Error(`not a broker transport: ${transport}`);
}

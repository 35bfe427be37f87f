// One NATS connection per process half (server, client, publisher), reconnecting forever with a
// short wait: a dropped connection is an outage to record, not the end of the service.
import { connect, Events, type NatsConnection } from 'nats';
import { connectionDown, connectionUp } from '../connection-log.js';

export async function openNats(url: string, name: string): Promise<NatsConnection> {
  const u = new URL(url);
  const nc = await connect({
    servers: `${u.hostname}:${u.port || 4222}`,
    ...(u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : {}),
    name,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 100,
    reconnectJitter: 50,
    pingInterval: 5000,
    timeout: 2000,
  });
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === Events.Disconnect) connectionDown(`nats ${name}`, 'disconnected');
      else if (s.type === Events.Reconnect) connectionUp(`nats ${name}`);
    }
  })().catch(() => undefined);
  return nc;
}

export const rpcSubject = (namespace: string, service: string) => `${namespace}.rpc.${service}`;
export const eventSubject = (namespace: string, type: string) => `${namespace}.events.${type}`;
/** Stream names may not contain dots. */
export const eventStream = (namespace: string) => `${namespace.replace(/[^A-Za-z0-9_-]/g, '_')}_events`;

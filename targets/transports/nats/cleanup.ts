// Removes everything one target start created on the NATS server (its event stream).
import { connect } from 'nats';
import { eventStream } from './connection.js';

export async function dropNatsNamespace(url: string, namespace: string): Promise<void> {
  const u = new URL(url);
  const nc = await connect({ servers: `${u.hostname}:${u.port || 4222}`, reconnect: false, timeout: 2000 });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(eventStream(namespace)).catch(() => false);
  } finally {
    await nc.close();
  }
}

// A server or target that owns a resource (an app container, database handles, transport
// clients, a PostgreSQL schema): closing it releases the resource too, and a failed start
// releases it at once. One place for the try/finally every entry and spec needed.

/** What `method` of the started thing does, then `release`, even when the method throws. */
async function releasingOn<K extends 'close' | 'stop', T extends Record<K, () => Promise<void>>>(method: K, release: () => Promise<unknown>, start: () => Promise<T>): Promise<T> {
  let started: T;
  try {
    started = await start();
  } catch (err) {
    await release().catch(() => undefined);
    throw err;
  }
  const original = started[method];
  const wrapped = async () => {
    try {
      await original.call(started);
    } finally {
      await release();
    }
  };
  return { ...started, [method]: wrapped };
}

/** For child entries: the returned server's close() also releases. */
export function closingAlso<T extends { close(): Promise<void> }>(release: () => Promise<unknown>, start: () => Promise<T>): Promise<T> {
  return releasingOn('close', release, start);
}

/** For target specs: the returned target's stop() also releases. */
export function stoppingAlso<T extends { stop(): Promise<void> }>(release: () => Promise<unknown>, start: () => Promise<T>): Promise<T> {
  return releasingOn('stop', release, start);
}

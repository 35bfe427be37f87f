// A server or target that owns a resource (an app container, database handles, transport
// clients, a PostgreSQL schema): closing it releases the resource too, and a failed start
// releases it at once. One place for the try/finally every entry and spec needed.

interface Closable {
  close(): Promise<void>;
}

interface Stoppable {
  stop(): Promise<void>;
}

/** For child entries: the returned server's close() also releases. */
export async function closingAlso<T extends Closable>(release: () => Promise<unknown>, start: () => Promise<T>): Promise<T> {
  let server: T;
  try {
    server = await start();
  } catch (err) {
    await release().catch(() => undefined);
    throw err;
  }
  return {
    ...server,
    close: async () => {
      try {
        await server.close();
      } finally {
        await release();
      }
    },
  };
}

/** For target specs: the returned target's stop() also releases. */
export async function stoppingAlso<T extends Stoppable>(release: () => Promise<unknown>, start: () => Promise<T>): Promise<T> {
  let target: T;
  try {
    target = await start();
  } catch (err) {
    await release().catch(() => undefined);
    throw err;
  }
  return {
    ...target,
    stop: async () => {
      try {
        await target.stop();
      } finally {
        await release();
      }
    },
  };
}

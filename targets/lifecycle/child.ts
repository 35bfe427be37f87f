// Child side of a service process: read config, start, report "ready", and die with the harness.

export interface ChildServer {
  port: number;
  host: string;
  close(): Promise<void>;
}

export function childConfig<T>(): T {
  const raw = process.env.ARCHBENCH_CHILD_CONFIG;
  if (!raw) throw new Error('ARCHBENCH_CHILD_CONFIG is not set: this module is started by the harness');
  return JSON.parse(raw) as T;
}

/**
 * Run a service as a harness child. Dead-man's switch: when the IPC channel to the
 * parent closes (the harness exited, even by SIGKILL), the child exits.
 */
export function serveChild<T>(start: (config: T) => Promise<ChildServer>): void {
  const config = childConfig<T>();
  let server: ChildServer | undefined;
  let closing = false;
  const shutdown = (code: number) => {
    if (closing) return;
    closing = true;
    const hard = setTimeout(() => process.exit(code), 2000);
    hard.unref();
    Promise.resolve(server?.close())
      .catch(() => undefined)
      .finally(() => process.exit(code));
  };
  process.on('disconnect', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGINT', () => shutdown(0));
  start(config).then(
    (s) => {
      server = s;
      if (!process.send) {
        console.error('no IPC channel to the harness; exiting');
        shutdown(1);
        return;
      }
      process.send({ type: 'ready', host: s.host, port: s.port });
    },
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}

// Parent side of a service process: spawn in its own process group, wait for its
// "ready" message over IPC, keep its last stderr lines, stop the whole group.
import { spawn, type ChildProcess } from 'node:child_process';
import { nodeCommand } from '../../common/module-entry.js';
import type { ExitInfo, StartContext } from '../target.js';
import { forgetGroup, stopGroup, trackGroup } from './process-group.js';
import { wrappedCommand, type ProcessWrapper } from './wrap.js';

export { childEntry, nodeCommand } from '../../common/module-entry.js';

export interface ReadyMessage {
  type: 'ready';
  host: string;
  port: number;
}

export interface SpawnServiceOptions {
  /** Short name for messages, e.g. "users#1". */
  name: string;
  /** Absolute path of the entry module (.js when built, .ts when run from source). */
  entry: string;
  /** Passed to the child as JSON in ARCHBENCH_CHILD_CONFIG. */
  config: unknown;
  readyTimeoutMs: number;
  signal?: AbortSignal;
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** taskset CPU list, e.g. "1". */
  cpus?: string;
  /** Run the service inside this wrapper process (a profiler host); see lifecycle/wrap.ts. */
  wrap?: ProcessWrapper;
}

/** What every target passes on from its start context: start timeout, cancellation, env, node flags, CPU placement, wrapper. */
export function spawnOptionsFrom(ctx: StartContext): Pick<SpawnServiceOptions, 'readyTimeoutMs' | 'signal' | 'env' | 'nodeArgs' | 'cpus' | 'wrap'> {
  return {
    readyTimeoutMs: ctx.readyTimeoutMs,
    signal: ctx.signal,
    ...(ctx.options.env ? { env: ctx.options.env } : {}),
    ...(ctx.options.nodeArgs ? { nodeArgs: ctx.options.nodeArgs } : {}),
    ...(ctx.options.cpus ? { cpus: ctx.options.cpus } : {}),
    ...(ctx.options.wrap ? { wrap: ctx.options.wrap } : {}),
  };
}

export interface ServiceProcess {
  name: string;
  pid: number;
  host: string;
  port: number;
  readonly exited: Promise<ExitInfo>;
  stderrTail(): string[];
  /** A message to the child over IPC after it is ready (e.g. the addresses of its peers); false if the channel is gone. */
  send(message: unknown): boolean;
  /** Messages the child sends after it is ready (e.g. stats replies); returns the unsubscribe function. */
  onMessage(listener: (message: unknown) => void): () => void;
  stop(): Promise<void>;
}

export class ServiceStartError extends Error {
  readonly code = 'ERR_TARGET_START';
  constructor(message: string, readonly stderr: string[]) {
    super(stderr.length ? `${message}\n--- last stderr lines ---\n${stderr.join('\n')}` : message);
  }
}

const TAIL_LINES = 40;
const STOP_GRACE_MS = 3000;

export class LineTail {
  #lines: string[] = [];
  #partial = '';
  push(chunk: Buffer): void {
    const parts = (this.#partial + chunk.toString('utf8')).split('\n');
    this.#partial = parts.pop() ?? '';
    for (const line of parts) {
      this.#lines.push(line);
      if (this.#lines.length > TAIL_LINES) this.#lines.shift();
    }
  }
  lines(): string[] {
    return this.#partial ? [...this.#lines, this.#partial] : [...this.#lines];
  }
}

export async function spawnService(opts: SpawnServiceOptions): Promise<ServiceProcess> {
  const service = nodeCommand(opts.entry, opts.nodeArgs);
  const args = opts.wrap ? wrappedCommand(opts.wrap, opts.name, service) : service;
  const graceMs = opts.wrap?.stopGraceMs ?? STOP_GRACE_MS;
  const [cmd, argv] = opts.cpus ? ['taskset', ['-c', opts.cpus, process.execPath, ...args]] : [process.execPath, args];
  const child: ChildProcess = spawn(cmd, argv, {
    // Own process group: stop() signals the group, so grandchildren go too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, ...opts.env, ARCHBENCH_CHILD_CONFIG: JSON.stringify(opts.config) },
  });
  const tail = new LineTail();
  child.stdout?.on('data', (c: Buffer) => tail.push(c));
  child.stderr?.on('data', (c: Buffer) => tail.push(c));

  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      if (child.pid) forgetGroup(child.pid);
      resolve({ code, signal });
    });
  });
  // A failed spawn has no pid: never signal "-undefined".
  if (!child.pid) {
    const err = await spawnError;
    throw new ServiceStartError(`${opts.name}: could not spawn ${cmd}: ${err.message}`, []);
  }
  const pid = child.pid;
  trackGroup(pid);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await stopGroup(pid, exited, graceMs);
      if (child.connected) child.disconnect();
    })();
    return stopping;
  };

  const ready = new Promise<ReadyMessage>((resolve) => {
    child.on('message', (m: unknown) => {
      if (m && typeof m === 'object' && (m as { type?: unknown }).type === 'ready') resolve(m as ReadyMessage);
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), opts.readyTimeoutMs);
  });
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    if (opts.signal?.aborted) resolve('aborted');
    onAbort = () => resolve('aborted');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
  });
  const outcome = await Promise.race([ready, exited.then((e) => ({ exit: e })), timeout, aborted, spawnError]);
  clearTimeout(timer);
  // One start, one listener: a topology spawning many processes on one signal must not pile them up.
  if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
  if (outcome === 'timeout' || outcome === 'aborted' || outcome instanceof Error || 'exit' in outcome) {
    await stop();
    // Let the last stderr bytes arrive before quoting them.
    await new Promise((r) => setImmediate(r));
    const why =
      outcome === 'timeout'
        ? `did not become ready within ${opts.readyTimeoutMs} ms`
        : outcome === 'aborted'
          ? 'start was cancelled'
          : outcome instanceof Error
            ? `failed: ${outcome.message}`
            : `exited during start-up (code ${outcome.exit.code}, signal ${outcome.exit.signal})`;
    throw new ServiceStartError(`${opts.name} ${why}`, tail.lines());
  }
  child.unref();
  child.channel?.unref?.();
  (child.stdout as { unref?: () => void } | null)?.unref?.();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  const send = (message: unknown): boolean => (child.connected ? child.send(message as object) : false);
  const onMessage = (listener: (message: unknown) => void) => {
    child.on('message', listener);
    return () => void child.off('message', listener);
  };
  return { name: opts.name, pid, host: outcome.host, port: outcome.port, exited, stderrTail: () => tail.lines(), send, onMessage, stop };
}

// A wrapper process around every node service a target spawns (e.g. a profiler host that runs
// the service under clinic). With `TargetOptions.wrap`, spawnService starts
//   node <wrapper entry> <wrapper args...> <service name> -- <node> <node args> <service entry>
// in the service's place: same process group, same stdio, same IPC channel to the harness.
// The wrapper's contract:
//   - start the service command with an IPC channel of its own and relay messages both ways
//     (relayIpc), so ready, peer addresses and stats requests work unchanged;
//   - pass SIGTERM/SIGINT on to the service and outlive it: it exits after the service has
//     exited and the wrapper has written its data, within `stopGraceMs`;
//   - when the harness's channel closes (the harness died), close the service's channel, whose
//     dead-man's switch then stops it (lifecycle/child.ts).
import type { ChildProcess } from 'node:child_process';
import { nodeCommand } from '../../common/module-entry.js';

export interface ProcessWrapper {
  /** The module node runs in the service's place (built .js, or .ts source under tsx). */
  entry: string;
  /** Its own arguments, before the service name. */
  args: string[];
  /** How long after SIGTERM the wrapper may take to write its data before the group is SIGKILLed. */
  stopGraceMs: number;
}

/** What node runs for a wrapped service: the wrapper, then the service's own node command after `--`. */
export function wrappedCommand(wrap: ProcessWrapper, service: string, serviceArgs: string[]): string[] {
  return [...nodeCommand(wrap.entry), ...wrap.args, service, '--', process.execPath, ...serviceArgs];
}

export interface WrapperArgv {
  args: string[];
  service: string;
  /** The service command: the node binary, then its arguments. */
  command: [string, ...string[]];
}

/** The wrapper side of wrappedCommand: `argv` is process.argv.slice(2). */
export function parseWrapperArgv(argv: string[]): WrapperArgv {
  const sep = argv.indexOf('--');
  const before = sep < 0 ? [] : argv.slice(0, sep);
  const command = sep < 0 ? [] : argv.slice(sep + 1);
  if (before.length < 1 || command.length < 2) throw new Error(`wrapper: expected "<args...> <service> -- <node> <args...>", got ${JSON.stringify(argv)}`);
  return { args: before.slice(0, -1), service: before[before.length - 1]!, command: command as [string, ...string[]] };
}

/** Service-name text that is safe in a file name and in a link (`users#1` -> `users-1`). */
export function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/**
 * Relay IPC between the harness (this process's channel) and the wrapped service, pass stop
 * signals on, and close the service's channel when the harness's closes. `child` must have been
 * spawned with an 'ipc' stdio entry.
 */
export function relayIpc(child: ChildProcess): void {
  child.on('message', (m) => {
    if (process.connected) process.send?.(m);
  });
  process.on('message', (m) => {
    if (child.connected) child.send(m as object);
  });
  process.on('disconnect', () => {
    if (child.connected) child.disconnect();
  });
  // The harness signals the whole group, so the service gets the signal too; passing it on
  // covers a signal sent to the wrapper alone. Either way the wrapper stays up until the service
  // has exited and its data is written.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
}

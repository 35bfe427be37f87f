// A user's own service as a target: archbench runs their command (bench run --serve, bench ab),
// in its own process group under a supervisor with a dead-man's switch, logs to files in the
// run folder, waits until it is ready, measures its process tree like ours, and stops it.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { nodeCommand, childEntry } from '../../common/module-entry.js';
import type { ExitInfo, RunningTarget, StartContext, TargetSpec } from '../target.js';
import type { SupervisorCommand, SupervisorConfig, SupervisorMessage } from './command-supervisor.js';
import { stopGroup, trackGroup, forgetGroup } from './process-group.js';
import { describeCheck, freePort, portAccepts, waitReady, type ReadyCheck } from './readiness.js';
import { ServiceStartError } from './spawn.js';

/** `{port}` in a command or ready URL: replaced by a free port archbench picks per start. */
export const PORT_PLACEHOLDER = '{port}';

export interface ServeCommand {
  /** Target name in results (NAME of --serve NAME=COMMAND). */
  name: string;
  command: string;
  /** Working directory (default: the harness's). */
  cwd?: string;
}

export interface CommandSettings {
  /** Fixed port (--port); otherwise `{port}` must appear in the command or the ready URL. */
  port?: number;
  /** Ready when this answers 2xx (--ready); otherwise when the port accepts connections. */
  readyUrl?: string;
  env: Record<string, string>;
  /** SIGTERM -> SIGKILL (--grace). */
  graceMs: number;
  /** <out>/serve: <name>.stdout.log and <name>.stderr.log, appended per trial. */
  logDir: string;
  /** Where warnings go (a command that needed SIGKILL); default stderr. */
  warn?: (message: string) => void;
}

export const DEFAULT_GRACE_MS = 5000;
const TAIL_LINES = 20;
const BACKSTOP_MS = 2000;
/** How long a stop waits for the supervisor to say it began, before signalling the group itself. */
const ASK_MS = 1000;
const TAIL_BYTES = 16 * 1024;

export function usesPlaceholder(cmd: ServeCommand, settings: Pick<CommandSettings, 'readyUrl'>): boolean {
  return cmd.command.includes(PORT_PLACEHOLDER) || (settings.readyUrl?.includes(PORT_PLACEHOLDER) ?? false);
}

/** The last lines written to a log file since `from` (this start's part only). */
function tailOf(file: string, from: number): string[] {
  let fd: number | undefined;
  try {
    const size = statSync(file).size;
    const start = Math.max(from, size - TAIL_BYTES);
    const buf = Buffer.alloc(size - start);
    fd = openSync(file, 'r');
    readSync(fd, buf, 0, buf.length, start);
    return buf.toString('utf8').split('\n').filter((l) => l.length > 0).slice(-TAIL_LINES);
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function openLog(file: string, header: string): { fd: number; offset: number } {
  const fd = openSync(file, 'a');
  writeSync(fd, header);
  return { fd, offset: statSync(file).size };
}

export function commandTarget(cmd: ServeCommand, settings: CommandSettings): TargetSpec {
  return {
    name: cmd.name,
    axes: { topology: 'external', framework: 'none', lifecycle: 'persistent', workers: 1, storage: 'none' },
    description: `your command: ${cmd.command}`,
    start: (ctx) => startCommand(cmd, settings, ctx),
  };
}

async function startCommand(cmd: ServeCommand, settings: CommandSettings, ctx: StartContext): Promise<RunningTarget> {
  const port = usesPlaceholder(cmd, settings) ? await freePort() : settings.port;
  const fill = (s: string) => (port === undefined ? s : s.replaceAll(PORT_PLACEHOLDER, String(port)));
  const command = fill(cmd.command);
  const readyUrl = settings.readyUrl ? fill(settings.readyUrl) : undefined;
  const check: ReadyCheck = readyUrl ? { kind: 'url', url: readyUrl } : { kind: 'port', port: port! };
  const url = readyUrl ? new URL(readyUrl).origin : `http://127.0.0.1:${port}`;
  // A fixed port something already answers on would measure that process, not this command.
  if (check.kind === 'port' && (await portAccepts(check.port))) {
    throw new ServiceStartError(`${cmd.name}: port ${check.port} already accepts connections before the command started; stop what listens there or use {port} for a free one`, []);
  }

  mkdirSync(settings.logDir, { recursive: true });
  const outFile = join(settings.logDir, `${cmd.name}.stdout.log`);
  const errFile = join(settings.logDir, `${cmd.name}.stderr.log`);
  const header = `# archbench ${new Date().toISOString()}: ${command}\n`;
  const out = openLog(outFile, header);
  const err = openLog(errFile, header);
  const config: SupervisorConfig = { command, graceMs: settings.graceMs };
  const supervisor = nodeCommand(childEntry(import.meta.url, './command-supervisor.js'));
  // --pin: the supervisor starts on the targets' cores and everything it starts inherits them.
  const [exe, args] = ctx.options.cpus ? ['taskset', ['-c', ctx.options.cpus, process.execPath, ...supervisor]] : [process.execPath, supervisor];
  const child = spawn(exe, args, {
    // Own process group: stop() signals the group, so everything the command starts goes too.
    detached: true,
    cwd: cmd.cwd,
    stdio: ['ignore', out.fd, err.fd, 'ipc'],
    env: { ...process.env, ...settings.env, ...(port !== undefined ? { PORT: String(port) } : {}), ARCHBENCH_CHILD_CONFIG: JSON.stringify(config) },
  });
  closeSync(out.fd);
  closeSync(err.fd);
  const stderrTail = () => tailOf(errFile, err.offset);

  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  let commandExit: ExitInfo | undefined;
  let commandPid: number | undefined;
  let supervisorKilled = false;
  let stoppingAck: () => void = () => undefined;
  const supervisorStopping = new Promise<void>((resolve) => (stoppingAck = resolve));
  const spawned = new Promise<number>((resolve) => {
    child.on('message', (m: SupervisorMessage) => {
      if (m.type === 'spawned') resolve((commandPid = m.pid));
      if (m.type === 'exit') commandExit = { code: m.code, signal: m.signal };
      if (m.type === 'stopping') stoppingAck();
      if (m.type === 'killing') supervisorKilled = true;
    });
  });
  const supervisorExited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      if (child.pid) forgetGroup(child.pid);
      resolve({ code, signal });
    });
  });
  // The command's own exit status when the supervisor relayed it (it then kills the group, itself included).
  const exited = supervisorExited.then((e) => commandExit ?? e);
  // A failed spawn has no pid: never signal "-undefined".
  if (!child.pid) {
    const e = await spawnError;
    throw new ServiceStartError(`${cmd.name}: could not spawn the supervisor: ${e.message}`, []);
  }
  const pgid = child.pid;
  trackGroup(pgid);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // The supervisor starts the stop (it finds processes that left the group first) and
      // applies the grace period; ours is the backstop if it hangs or cannot be asked.
      let termSent = false;
      if (child.connected) {
        child.send({ type: 'stop' } satisfies SupervisorCommand);
        // The timer stays ref'd: the channel is unref'd, and nothing else may keep this process
        // alive while it waits for the answer (an unref'd one let a run exit mid-stop, no results).
        termSent = await Promise.race([supervisorStopping.then(() => true), supervisorExited.then(() => true), sleep(ASK_MS).then(() => false)]);
      }
      const { killed } = await stopGroup(pgid, supervisorExited, settings.graceMs + BACKSTOP_MS, { termSent });
      if (child.connected) child.disconnect();
      if (killed || supervisorKilled) (settings.warn ?? defaultWarn)(`${cmd.name} did not exit within ${settings.graceMs} ms of SIGTERM: killed its process group with SIGKILL`);
    })();
    return stopping;
  };

  const gate = new AbortController();
  const timer = setTimeout(() => gate.abort('timeout'), ctx.readyTimeoutMs);
  const onAbort = () => gate.abort('cancelled');
  if (ctx.signal.aborted) onAbort();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  const gave = new Promise<'timeout' | 'cancelled'>((resolve) => gate.signal.addEventListener('abort', () => resolve(gate.signal.reason as 'timeout' | 'cancelled'), { once: true }));
  const ready = spawned.then((): Promise<boolean> => waitReady(check, gate.signal)).then((ok) => (ok ? ('ready' as const) : gave));
  const outcome = await Promise.race([ready, gave, exited.then((e) => ({ exit: e })), spawnError]);
  clearTimeout(timer);
  ctx.signal.removeEventListener('abort', onAbort);
  gate.abort('done');
  if (outcome !== 'ready') {
    await stop();
    const why =
      outcome instanceof Error
        ? `failed: ${outcome.message}`
        : typeof outcome === 'object'
          ? `exited before it was ready (code ${outcome.exit.code}, signal ${outcome.exit.signal})`
          : outcome === 'cancelled'
            ? 'start was cancelled'
            : `did not become ready within ${ctx.readyTimeoutMs} ms (waited for ${describeCheck(check)})`;
    throw new ServiceStartError(`${cmd.name} (${command}) ${why}; logs in ${settings.logDir}`, stderrTail());
  }
  child.unref();
  child.channel?.unref?.();
  return {
    url,
    // The command's tree, not the supervisor: its idle Node process is archbench's, not the user's.
    pids: () => (commandPid !== undefined ? [commandPid] : []),
    exited: exited.then((e) => ({ ...e, process: cmd.name })),
    stderrTail,
    stop,
  };
}

function defaultWarn(message: string): void {
  process.stderr.write(`warning: ${message}\n`);
}

// The flags that make archbench start the user's own command (bench run --serve, bench ab) or
// watch their running process (--pid): parsed and checked once, each error naming its option.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../common/errors.js';
import { commandTarget, DEFAULT_GRACE_MS, usesPlaceholder, type CommandSettings, type ServeCommand } from '../targets/lifecycle/command-target.js';
import type { TargetSpec } from '../targets/target.js';
import { collect, intOption, secondsOption } from './options.js';

export interface ServeFlags {
  serve?: string[];
  serveCwd?: string;
  serveEnv?: string[];
  port?: number;
  ready?: string;
  grace?: number;
}

const NAME = /^[A-Za-z0-9][\w.-]{0,63}$/;

/** --port, --ready, --serve-cwd, --serve-env, --grace: shared by bench run and bench ab. */
export function addCommandOptions(cmd: Command): Command {
  return cmd
    .option('--port <n>', 'the port your command listens on, 1..65535 (or write {port} in the command for a free one)', intOption('--port', 1, 65535))
    .option('--ready <url>', 'ready when this URL answers 2xx, e.g. http://127.0.0.1:{port}/health (default: when the port accepts connections)')
    .option('--serve-cwd <dir>', 'working directory of your command')
    .option('--serve-env <K=V>', 'environment variable for your command (repeatable)', collect)
    .option('--grace <seconds>', `SIGTERM -> SIGKILL grace period when stopping your command, 0.1..120 s (default ${DEFAULT_GRACE_MS / 1000})`, secondsOption('--grace', 0.1, 120));
}

export function parseServe(raw: string): ServeCommand {
  const eq = raw.indexOf('=');
  const name = eq > 0 ? raw.slice(0, eq).trim() : '';
  const command = eq > 0 ? raw.slice(eq + 1).trim() : '';
  if (!NAME.test(name) || !command) {
    throw new UsageError(`invalid --serve "${raw}": expected NAME=COMMAND, e.g. --serve 'php=php -S 127.0.0.1:{port} index.php' (NAME: letters, digits, . _ -)`);
  }
  return { name, command };
}

function parseEnv(list: string[] = []): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of list) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(raw);
    if (!m) throw new UsageError(`invalid --serve-env "${raw}": expected NAME=VALUE`);
    env[m[1]!] = m[2]!;
  }
  return env;
}

function checkReadyUrl(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw.replaceAll('{port}', '1'));
  } catch {
    throw new UsageError(`invalid --ready "${raw}": expected an http URL, e.g. http://127.0.0.1:8000/health`, 'ERR_URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`invalid --ready "${raw}": expected an http:// or https:// URL`, 'ERR_URL');
}

/** Settings shared by every command of one run; `commands` only to check they can find their port. */
export function commandSettings(flags: ServeFlags, commands: ServeCommand[], out: string): CommandSettings {
  if (flags.port !== undefined && flags.ready !== undefined) {
    throw new UsageError('--port and --ready exclude each other: --port waits for TCP connections on that port, --ready for a URL (which names the port itself)');
  }
  if (flags.ready !== undefined) checkReadyUrl(flags.ready);
  const settings: CommandSettings = {
    env: parseEnv(flags.serveEnv),
    graceMs: (flags.grace ?? DEFAULT_GRACE_MS / 1000) * 1000,
    logDir: join(out, 'serve'),
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.ready !== undefined ? { readyUrl: flags.ready } : {}),
  };
  for (const c of commands) {
    if (flags.port === undefined && flags.ready === undefined && !usesPlaceholder(c, settings)) {
      throw new UsageError(`--serve "${c.name}": archbench cannot tell which port it listens on: pass --port P or --ready URL, or write {port} in the command for a free port`);
    }
  }
  return settings;
}

/** What --serve-cwd and friends mean without --serve: nothing, so say so. */
export function rejectOrphanCommandFlags(flags: ServeFlags, what: string): void {
  const orphans = (['serveCwd', 'serveEnv', 'grace', 'port', 'ready'] as const).filter((k) => flags[k] !== undefined);
  if (orphans.length) {
    const name = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new UsageError(`${orphans.map(name).join(', ')} ${orphans.length > 1 ? 'apply' : 'applies'} only with ${what}`);
  }
}

/** bench run --serve NAME=COMMAND ...: one target per command, the first the baseline. */
export function serveTargets(flags: ServeFlags & { url?: string; targets?: string[]; pid?: number }, out: string): TargetSpec[] {
  if (flags.url || flags.targets) {
    throw new UsageError(`--serve excludes ${flags.url ? '--url' : '--targets'}: --serve starts your command, --url loads a service already running, --targets starts ours`);
  }
  if (flags.pid !== undefined) throw new UsageError('--pid goes with --url (a service already running); with --serve archbench knows the processes itself');
  const commands = (flags.serve ?? []).map(parseServe).map((c) => (flags.serveCwd ? { ...c, cwd: flags.serveCwd } : c));
  const seen = new Set<string>();
  for (const c of commands) {
    if (seen.has(c.name)) throw new UsageError(`--serve: the name "${c.name}" is used twice; every command needs its own name`);
    seen.add(c.name);
  }
  const settings = commandSettings(flags, commands, out);
  return commands.map((c) => commandTarget(c, settings));
}

/** --pid PID: a live process this user may read; else exit 2 naming it. */
export function pidOption(raw: string): number {
  const pid = intOption('--pid', 1, 2 ** 22)(raw);
  try {
    readFileSync(`/proc/${pid}/stat`);
  } catch {
    throw new UsageError(`invalid --pid ${pid}: no such process (or /proc is not readable)`);
  }
  return pid;
}

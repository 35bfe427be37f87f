// The user's own service as targets: --serve NAME=COMMAND (started and measured like ours, by
// targets/lifecycle/command-target.ts) and --url with --pid (a running process watched). The
// plan calls this; every problem names its option.
import { join } from 'node:path';
import { UsageError } from '../common/errors.js';
import { commandTarget, DEFAULT_GRACE_MS, usesPlaceholder, type CommandSettings, type ServeCommand } from '../targets/lifecycle/command-target.js';
import type { TargetSpec } from '../targets/target.js';

export type { ServeCommand };

export { DEFAULT_GRACE_MS };

export interface ServeRequest {
  /** NAME=COMMAND, as given. */
  serve?: string[];
  serveCwd?: string;
  serveEnv?: string[];
  port?: number;
  ready?: string;
  /** SIGTERM -> SIGKILL grace, seconds. */
  grace?: number;
  /** Commands already named (bench ab's base and head, each with its own cwd), before any --serve; `flag` names them in errors. */
  commands?: Array<ServeCommand & { flag?: string }>;
}

const NAME = /^[A-Za-z0-9][\w.-]{0,63}$/;

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
export function commandSettings(flags: ServeRequest, commands: Array<ServeCommand & { flag?: string }>, out: string): CommandSettings {
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
      throw new UsageError(`${c.flag ?? `--serve "${c.name}"`}: archbench cannot tell which port it listens on: pass --port P or --ready URL, or write {port} in the command for a free port`);
    }
  }
  return settings;
}

/** What --serve-cwd and friends mean without --serve: nothing, so say so. */
export function rejectOrphanCommandFlags(flags: ServeRequest, what: string): void {
  const orphans = (['serveCwd', 'serveEnv', 'grace', 'port', 'ready'] as const).filter((k) => flags[k] !== undefined);
  if (orphans.length) {
    const name = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new UsageError(`${orphans.map(name).join(', ')} ${orphans.length > 1 ? 'apply' : 'applies'} only with ${what}`);
  }
}

/** bench run --serve NAME=COMMAND ... (or bench ab's two): one target per command, the first the baseline. */
export function serveTargets(flags: ServeRequest & { url?: string; targets?: string[]; pid?: number }, out: string): TargetSpec[] {
  if (flags.url || flags.targets) {
    throw new UsageError(`--serve excludes ${flags.url ? '--url' : '--targets'}: --serve starts your command, --url loads a service already running, --targets starts ours`);
  }
  if (flags.pid !== undefined) throw new UsageError('--pid goes with --url (a service already running); with --serve archbench knows the processes itself');
  const commands = [...(flags.commands ?? []), ...(flags.serve ?? []).map(parseServe).map((c) => (flags.serveCwd ? { ...c, cwd: flags.serveCwd } : c))];
  const seen = new Set<string>();
  for (const c of commands) {
    if (seen.has(c.name)) throw new UsageError(`--serve: the name "${c.name}" is used twice; every command needs its own name`);
    seen.add(c.name);
  }
  const settings = commandSettings(flags, commands, out);
  return commands.map((c) => commandTarget(c, settings));
}

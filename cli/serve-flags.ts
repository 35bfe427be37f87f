// The flags that make archbench start the user's own command (bench run --serve, bench ab) or
// watch their running process (--pid); harness/own-service.ts turns them into targets.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../common/errors.js';
import { DEFAULT_GRACE_MS, type ServeRequest } from '../harness/own-service.js';
import { collect, intOption, secondsOption } from './options.js';

export type ServeFlags = ServeRequest;

/** --port, --ready, --serve-cwd, --serve-env, --grace: shared by bench run and bench ab. */
export function addCommandOptions(cmd: Command): Command {
  return cmd
    .option('--port <n>', 'the port your command listens on, 1..65535 (or write {port} in the command for a free one)', intOption('--port', 1, 65535))
    .option('--ready <url>', 'ready when this URL answers 2xx, e.g. http://127.0.0.1:{port}/health (default: when the port accepts connections)')
    .option('--serve-cwd <dir>', 'working directory of your command')
    .option('--serve-env <K=V>', 'environment variable for your command (repeatable)', collect)
    .option('--grace <duration>', `SIGTERM -> SIGKILL grace period when stopping your command, 100ms..2m (default ${DEFAULT_GRACE_MS / 1000}s)`, secondsOption('--grace', 0.1, 120));
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

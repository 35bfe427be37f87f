// The user's command runs under this tiny Node process, the leader of its own process group.
// It exists for one reason: a dead-man's switch. When its IPC channel to the harness closes
// (the harness exited, even by SIGKILL), it stops the whole group, so nothing outlives a run.
// The harness stops it the ordinary way: SIGTERM to the group, SIGKILL after the grace period.
import { spawn } from 'node:child_process';
import { childConfig } from './child.js';

export interface SupervisorConfig {
  /** A shell command line, run by /bin/sh -c in this process group. */
  command: string;
  /** Dead-man's switch: SIGTERM to the group, SIGKILL this long after. */
  graceMs: number;
}

/** Messages to the harness. */
export type SupervisorMessage = { type: 'spawned'; pid: number } | { type: 'exit'; code: number | null; signal: NodeJS.Signals | null };

const config = childConfig<SupervisorConfig>();
const group = process.pid;
const send = (m: SupervisorMessage, then: () => void = () => undefined) => {
  if (process.connected && process.send) process.send(m, () => then());
  else then();
};
const killGroup = (signal: NodeJS.Signals) => {
  try {
    process.kill(-group, signal);
  } catch {
    // gone
  }
};

// The group's SIGTERM is for the command: the supervisor waits for the command to exit.
process.on('SIGTERM', () => undefined);
process.on('SIGINT', () => undefined);

// stdout and stderr are the harness's log files, inherited as they are.
const child = spawn('/bin/sh', ['-c', config.command], { stdio: ['ignore', 'inherit', 'inherit'] });
child.once('error', (err) => {
  process.stderr.write(`archbench: could not start /bin/sh: ${err.message}\n`);
  send({ type: 'exit', code: 127, signal: null }, () => process.exit(127));
});
if (child.pid) send({ type: 'spawned', pid: child.pid });
child.once('exit', (code, signal) => {
  // The command is gone: tell the harness how, then take down anything it left in the group.
  send({ type: 'exit', code, signal }, () => killGroup('SIGKILL'));
});

process.on('disconnect', () => {
  killGroup('SIGTERM');
  setTimeout(() => killGroup('SIGKILL'), config.graceMs).unref();
  // Exit once the command is gone; the SIGKILL above covers one that ignores SIGTERM.
  child.once('exit', () => killGroup('SIGKILL'));
});

// The user's command runs under this tiny Node process, the leader of its own process group.
// It exists for one reason: a dead-man's switch. When its IPC channel to the harness closes
// (the harness exited, even by SIGKILL), it stops the whole group, so nothing outlives a run.
// The harness stops it the ordinary way: SIGTERM to the group, SIGKILL after the grace period.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { childConfig } from './child.js';

export interface SupervisorConfig {
  /** A shell command line, run by /bin/sh -c in this process group. */
  command: string;
  /** Dead-man's switch: SIGTERM to the group, SIGKILL this long after. */
  graceMs: number;
}

/** Messages to the harness. */
export type SupervisorMessage =
  | { type: 'spawned'; pid: number }
  | { type: 'exit'; code: number | null; signal: NodeJS.Signals | null }
  /** The grace period ran out: the group gets SIGKILL now. */
  | { type: 'killing' };

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

/** Other live members of this process group (zombies do not count: they are dead). */
function othersInGroup(): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === group) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) === group && f[0] !== 'Z') out.push(Number(name));
    } catch {
      // gone
    }
  }
  return out;
}

let draining = false;
/**
 * Stop everything else in the group: SIGTERM, the grace period to exit, then SIGKILL (which
 * takes the supervisor too). A shell that did not exec its command dies at the first SIGTERM
 * while the server under it may still be finishing: it gets its grace period all the same.
 */
function drain(signalFirst: boolean): void {
  if (draining) return;
  draining = true;
  if (signalFirst) killGroup('SIGTERM');
  const deadline = Date.now() + config.graceMs;
  const poll = setInterval(() => {
    if (othersInGroup().length === 0) {
      clearInterval(poll);
      process.exit(0);
    }
    if (Date.now() >= deadline) {
      clearInterval(poll);
      send({ type: 'killing' }, () => killGroup('SIGKILL'));
      // No IPC left to flush through: kill anyway.
      setTimeout(() => killGroup('SIGKILL'), 200);
    }
  }, 50);
}

// The group's SIGTERM is for the command: the supervisor then sees it through.
process.on('SIGTERM', () => drain(false));
process.on('SIGINT', () => drain(false));

// stdout and stderr are the harness's log files, inherited as they are.
const child = spawn('/bin/sh', ['-c', config.command], { stdio: ['ignore', 'inherit', 'inherit'] });
child.once('error', (err) => {
  process.stderr.write(`archbench: could not start /bin/sh: ${err.message}\n`);
  send({ type: 'exit', code: 127, signal: null }, () => process.exit(127));
});
if (child.pid) send({ type: 'spawned', pid: child.pid });
child.once('exit', (code, signal) => {
  // The command is gone: tell the harness how, then stop anything it left in the group.
  send({ type: 'exit', code, signal }, () => drain(true));
});

// Dead-man's switch: the harness is gone (even SIGKILLed), so is everything it started.
process.on('disconnect', () => drain(true));

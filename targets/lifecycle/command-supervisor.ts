// The user's command runs under this tiny Node process, the leader of its own process group.
// It exists for one reason: a dead-man's switch. When its IPC channel to the harness closes
// (the harness exited, even by SIGKILL), it stops the whole group, so nothing outlives a run.
// The harness stops it the ordinary way: SIGTERM to the group, SIGKILL after the grace period.
// A process that left the group (php-fpm calls setsid even in the foreground) is still in the
// process tree the harness measures: the stop finds it there and stops it with the group.
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
  /** The stop began: strays found, SIGTERM sent to them and to the group. */
  | { type: 'stopping' }
  /** The grace period ran out: the group gets SIGKILL now. */
  | { type: 'killing' };

/** Messages from the harness: stop the command (SIGTERM, grace, SIGKILL), strays included. */
export type SupervisorCommand = { type: 'stop' };

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

interface ProcStat {
  state: string;
  ppid: number;
  pgid: number;
  /** Start time in clock ticks since boot: with the pid, a process's identity (pids get reused). */
  start: string;
}

function statOf(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: f[0]!, ppid: Number(f[1]), pgid: Number(f[2]), start: f[19]! };
  } catch {
    return undefined; // gone
  }
}

function allProcesses(): Map<number, ProcStat> {
  const out = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = statOf(Number(name));
    if (st) out.set(Number(name), st);
  }
  return out;
}

/** Descendants of this supervisor that left its process group, with their start times. */
function strayDescendants(): Map<number, string> {
  const procs = allProcesses();
  const children = new Map<number, number[]>();
  for (const [pid, st] of procs) children.set(st.ppid, [...(children.get(st.ppid) ?? []), pid]);
  const out = new Map<number, string>();
  const queue = [...(children.get(group) ?? [])];
  while (queue.length) {
    const pid = queue.pop()!;
    const st = procs.get(pid)!;
    if (st.pgid !== group) out.set(pid, st.start);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

// Taken when the stop begins, while the tree is whole: once a parent dies, its children are
// re-parented away from us and no longer look like ours.
let strays = new Map<number, string>();
const isStray = (pid: number, st: ProcStat | undefined) => st !== undefined && st.state !== 'Z' && st.start === strays.get(pid);
const signalStrays = (signal: NodeJS.Signals) => {
  for (const pid of strays.keys()) {
    if (!isStray(pid, statOf(pid))) continue;
    try {
      process.kill(pid, signal);
    } catch {
      // gone
    }
  }
};

/** Other live members of this process group, and live strays (zombies do not count: they are dead). */
function othersInGroup(): number[] {
  const out: number[] = [];
  for (const [pid, st] of allProcesses()) {
    if (pid === group || st.state === 'Z') continue;
    if (st.pgid === group || isStray(pid, st)) out.push(pid);
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
  strays = strayDescendants();
  // The group's SIGTERM came from the harness (or comes now); the strays get theirs from us.
  signalStrays('SIGTERM');
  if (signalFirst) killGroup('SIGTERM');
  send({ type: 'stopping' });
  const deadline = Date.now() + config.graceMs;
  const poll = setInterval(() => {
    if (othersInGroup().length === 0) {
      clearInterval(poll);
      process.exit(0);
    }
    if (Date.now() >= deadline) {
      clearInterval(poll);
      signalStrays('SIGKILL');
      send({ type: 'killing' }, () => killGroup('SIGKILL'));
      // No IPC left to flush through: kill anyway.
      setTimeout(() => killGroup('SIGKILL'), 200);
    }
  }, 50);
}

// The harness's stop: asked over IPC, so the tree is read before any SIGTERM re-parents it.
process.on('message', (m: SupervisorCommand) => {
  if (m?.type === 'stop') drain(true);
});
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

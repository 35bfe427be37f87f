// Process groups the harness owns: SIGTERM then SIGKILL on the whole group, and a SIGKILL
// for every group still alive when the harness exits for any reason. One registry, shared by
// our own service processes (spawn.ts) and the user's commands (command-target.ts).

const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
});

export function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: already gone.
  }
}

/** Track a group whose leader is `pgid` until forgetGroup (killed if the harness exits first). */
export function trackGroup(pgid: number): void {
  liveGroups.add(pgid);
}

export function forgetGroup(pgid: number): void {
  liveGroups.delete(pgid);
}

export function isTracked(pgid: number): boolean {
  return liveGroups.has(pgid);
}

/**
 * SIGTERM to the group (unless `termSent`: the leader sent it), SIGKILL after `graceMs` if the leader has not exited, then SIGKILL
 * whatever is left in the group (children that outlived their leader). Resolves with whether
 * the grace period ran out.
 */
export async function stopGroup(pgid: number, leaderExited: Promise<unknown>, graceMs: number, opts: { termSent?: boolean } = {}): Promise<{ killed: boolean }> {
  if (!liveGroups.has(pgid)) return { killed: false };
  if (!opts.termSent) killGroup(pgid, 'SIGTERM');
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    killGroup(pgid, 'SIGKILL');
  }, graceMs);
  await leaderExited;
  clearTimeout(timer);
  killGroup(pgid, 'SIGKILL');
  liveGroups.delete(pgid);
  return { killed };
}

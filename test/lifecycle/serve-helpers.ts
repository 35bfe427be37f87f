// Shared by the --serve tests: the fixture server's command, and whether a process is gone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BUSY_SERVER = fileURLToPath(new URL('../fixtures/serve/busy-server.mjs', import.meta.url));

/** `node busy-server.mjs {port}` with env assignments in front, as a user would write it. */
export function busyCommand(env: Record<string, string | number> = {}): string {
  const prefix = Object.entries(env).map(([k, v]) => `${k}=${v} `).join('');
  return `${prefix}${JSON.stringify(process.execPath)} ${JSON.stringify(BUSY_SERVER)} {port}`;
}

/** Gone: no such pid, or a zombie (dead, waiting for a reaper that a container may lack). */
export function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Pids the fixture wrote to its stderr ("pid N", "grandchild N"). */
export function pidsIn(text: string): number[] {
  return [...text.matchAll(/(?:pid|grandchild) (\d+)/g)].map((m) => Number(m[1]));
}

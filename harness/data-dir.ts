// A target's data folder in the system temp directory. Its name carries the harness's PID, so
// a later run can tell folders left by a harness that died (SIGKILL, a second Ctrl-C) from those
// of one still running, and remove only the former (testcontainers' Ryuk idea, without a daemon).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidAlive } from '../common/pid-alive.js';

const PREFIX = 'archbench-';
// archbench-<target>-pid<PID>-<6 random characters from mkdtemp>
const OWNED = /^archbench-.+-pid(\d+)-[A-Za-z0-9]{6}$/;

export function makeDataDir(target: string, root = tmpdir()): string {
  return mkdtempSync(join(root, `${PREFIX}${target}-pid${process.pid}-`));
}

/** Removes data folders whose harness is gone; returns their paths. Folders without a PID are left alone. */
export function removeStaleDataDirs(root = tmpdir(), isAlive: (pid: number) => boolean = pidAlive): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = OWNED.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    const path = join(root, name);
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}

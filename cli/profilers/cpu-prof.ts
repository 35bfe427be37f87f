// node --cpu-prof in every node process of the target, through the targets' nodeArgs: no
// dependency, and per-request processes and cluster workers inherit the flag too.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Profiler } from './profiler.js';

export const cpuProf: Profiler = {
  describe: 'V8 CPU profile of every target process (open the .cpuprofile in Chrome DevTools or speedscope)',
  targetOptions: (dir) => ({ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] }),
  async outputs(dir) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    } catch {
      // the target wrote nothing
    }
    return { files: names.sort().map((f) => join(dir, f)), problems: [] };
  },
};

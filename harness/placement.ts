// --pin: the generator and the targets on separate cores (taskset), so that neither steals
// the other's CPU and the target's cost is not blurred by the generator's. The result records
// what was done, or why nothing was.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Placement {
  /** taskset CPU list for targets, when pinned. */
  targetCpus?: string;
  /** CPUs this (generator) process was pinned to. */
  generatorCpus?: string;
  /** What was done, for results.env.placement. */
  description: string;
}

export const UNPINNED = 'none: generator and targets share all cores';

function cpuList(ids: number[]): string {
  return ids.join(',');
}

/** The split: the first half of the CPUs we may use for the generator, the rest for targets. */
export function splitCpus(available: number[]): { generator: number[]; target: number[] } | null {
  if (available.length < 2) return null;
  const g = Math.floor(available.length / 2);
  return { generator: available.slice(0, g), target: available.slice(g) };
}

/** CPUs this process may run on (its affinity mask), from taskset. */
function allowedCpus(): number[] {
  try {
    const out = execFileSync('taskset', ['-c', '-p', String(process.pid)], { encoding: 'utf8' });
    const list = out.slice(out.lastIndexOf(':') + 1).trim();
    const ids: number[] = [];
    for (const part of list.split(',')) {
      const [a, b] = part.split('-').map(Number);
      for (let i = a!; i <= (b ?? a!); i++) ids.push(i);
    }
    return ids;
  } catch {
    return [];
  }
}

export function placeProcesses(pin: boolean): Placement {
  if (!pin) return { description: UNPINNED };
  const split = splitCpus(allowedCpus());
  if (!split) {
    const n = os.cpus().length;
    return { description: `--pin asked but not done: ${n < 2 ? `only ${n} CPU` : 'taskset is not available'}; generator and targets share all cores` };
  }
  const generator = cpuList(split.generator);
  const target = cpuList(split.target);
  try {
    // -a: every thread of this process, including worker threads already started.
    execFileSync('taskset', ['-a', '-c', '-p', generator, String(process.pid)], { stdio: 'ignore' });
  } catch (err) {
    return { description: `--pin asked but not done: taskset failed (${err instanceof Error ? err.message : String(err)})` };
  }
  return { generatorCpus: generator, targetCpus: target, description: `pinned: generator on CPU ${generator}, targets on CPU ${target} (taskset)` };
}

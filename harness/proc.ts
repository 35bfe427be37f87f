// CPU and memory of a target's whole process tree, read from /proc. CPU counts
// utime+stime of live processes plus cutime+cstime (children already reaped), so
// short-lived per-request processes are counted too.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { TreeUsage } from '../record/sample.js';

export type { TreeUsage };

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const PAGE_KB = (() => {
  try {
    return Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) / 1024 || 4;
  } catch {
    return 4;
  }
})();

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime+cutime and stime+cstime: reaped children count to their parent. */
  userTicks: number;
  systemTicks: number;
  /** cutime+cstime alone: the part of the ticks that no live thread's schedstat holds. */
  reapedTicks: number;
  rssKb: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm may contain spaces and parentheses: split after the last ')'.
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const f = text.slice(close + 2).split(' ');
    // f[0] = state (field 3); utime is field 14 -> f[11]
    const [utime, stime, cutime, cstime] = [f[11], f[12], f[13], f[14]].map(Number);
    return {
      pid,
      ppid: Number(f[1]),
      comm,
      userTicks: utime! + cutime!,
      systemTicks: stime! + cstime!,
      reapedTicks: cutime! + cstime!,
      rssKb: Number(f[21]) * PAGE_KB,
    };
  } catch {
    return null;
  }
}

/** Children of every thread of `pid`, from /proc/PID/task/TID/children (no full /proc scan). */
function childrenOf(pid: number): number[] | null {
  try {
    const out: number[] = [];
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) for (const c of text.split(' ')) out.push(Number(c));
    }
    return out;
  } catch (err) {
    // ENOENT on the pid: it just exited. On the children file of a live pid: kernel without it.
    return (err as NodeJS.ErrnoException).code === 'ENOENT' && existsSync(`/proc/${pid}`) ? null : [];
  }
}

/** Every live process whose ancestry reaches one of the roots (by full scan; slow path). */
function processTreeByScan(roots: number[]): ProcStat[] {
  const all: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) all.push(s);
  }
  const children = new Map<number, ProcStat[]>();
  for (const s of all) {
    const list = children.get(s.ppid) ?? [];
    list.push(s);
    children.set(s.ppid, list);
  }
  const byPid = new Map(all.map((s) => [s.pid, s]));
  const out: ProcStat[] = [];
  const queue = roots.filter((p) => byPid.has(p));
  const seen = new Set<number>();
  while (queue.length) {
    const pid = queue.shift()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    out.push(byPid.get(pid)!);
    for (const c of children.get(pid) ?? []) queue.push(c.pid);
  }
  return out;
}

/**
 * Every live process whose ancestry reaches one of the roots. Walks the children files so a
 * sample costs a few reads per target process, not one per process on the machine: the
 * sampler runs on the generator's event loop and must not delay its sends.
 */
export function processTree(roots: number[]): ProcStat[] {
  const out: ProcStat[] = [];
  const seen = new Set<number>();
  const queue = [...roots];
  while (queue.length) {
    const pid = queue.shift()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const s = readStat(pid);
    if (!s) continue;
    out.push(s);
    const kids = childrenOf(pid);
    if (kids === null) return processTreeByScan(roots);
    queue.push(...kids);
  }
  return out;
}

/**
 * Nanoseconds on CPU of every live thread of pid, from /proc/PID/task/TID/schedstat (the
 * scheduler's own clock), or null where the kernel does not provide it.
 */
function liveThreadsNs(pid: number): number | null {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread ended between the listing and the read
      }
    }
    return ns;
  } catch {
    return null;
  }
}

export interface CpuSnapshot {
  /** User and system split, in clock ticks (10 ms steps) converted to ms. */
  userMs: number;
  systemMs: number;
  /**
   * Total, as precise as the kernel allows: live threads' schedstat (nanoseconds) plus reaped
   * children's ticks. The ticks alone quantise a 2 s window of a target using 30% of a core to
   * 10 ms in 600 ms at each end, a 2-3% error that a 10% gate cannot afford.
   */
  totalMs: number;
}

export function treeCpu(roots: number[]): CpuSnapshot {
  let user = 0;
  let system = 0;
  let preciseMs = 0;
  let precise = true;
  for (const p of processTree(roots)) {
    user += p.userTicks;
    system += p.systemTicks;
    const ns = precise ? liveThreadsNs(p.pid) : null;
    if (ns === null) precise = false;
    else preciseMs += ns / 1e6 + (p.reapedTicks * 1000) / CLK_TCK;
  }
  const userMs = (user * 1000) / CLK_TCK;
  const systemMs = (system * 1000) / CLK_TCK;
  return { userMs, systemMs, totalMs: precise ? preciseMs : userMs + systemMs };
}


/**
 * Samples the tree's RSS every intervalMs between start() and stop(), and its CPU at
 * both ends, so only the measured window is counted.
 */
export class TreeSampler {
  readonly #roots: () => number[];
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | undefined;
  #startCpu: CpuSnapshot = { userMs: 0, systemMs: 0, totalMs: 0 };
  #peakTotalKb = 0;
  #peaks = new Map<number, { command: string; kb: number }>();

  constructor(roots: () => number[], intervalMs = 200) {
    this.#roots = roots;
    this.#intervalMs = intervalMs;
  }

  #sample(): void {
    let total = 0;
    for (const p of processTree(this.#roots())) {
      total += p.rssKb;
      const prev = this.#peaks.get(p.pid);
      if (!prev || prev.kb < p.rssKb) this.#peaks.set(p.pid, { command: p.comm, kb: p.rssKb });
    }
    this.#peakTotalKb = Math.max(this.#peakTotalKb, total);
  }

  start(): void {
    this.#startCpu = treeCpu(this.#roots());
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), this.#intervalMs);
    this.#timer.unref();
  }

  stop(): TreeUsage {
    clearInterval(this.#timer);
    this.#sample();
    const end = treeCpu(this.#roots());
    const mb = (kb: number) => Math.round(kb / 102.4) / 10;
    return {
      cpu: {
        userMs: Math.max(0, end.userMs - this.#startCpu.userMs),
        systemMs: Math.max(0, end.systemMs - this.#startCpu.systemMs),
        totalMs: Math.max(0, end.totalMs - this.#startCpu.totalMs),
      },
      peakTotalMb: mb(this.#peakTotalKb),
      processes: [...this.#peaks].map(([pid, p]) => ({ pid, command: p.command, peakMb: mb(p.kb) })),
    };
  }
}

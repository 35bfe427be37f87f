import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { processTree, TreeSampler, treeCpu } from '../../harness/proc.js';

const children: Array<{ kill(sig?: NodeJS.Signals): boolean }> = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));

describe('process tree sampling', () => {
  it('finds grandchildren and counts their CPU and memory', async () => {
    // A shell whose child burns CPU: the tree is sh -> node.
    const burn = `const end=Date.now()+600;while(Date.now()<end){};setInterval(()=>{},1000)`;
    const sh = spawn('sh', ['-c', `${JSON.stringify(process.execPath)} -e ${JSON.stringify(burn)} & wait`], { stdio: 'ignore' });
    children.push(sh);
    const sampler = new TreeSampler(() => [sh.pid!], 50);
    sampler.start();
    await new Promise((r) => setTimeout(r, 300));
    const tree = processTree([sh.pid!]);
    expect(tree.map((p) => p.pid)).toContain(sh.pid);
    expect(tree.length).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 700));
    const usage = sampler.stop();
    expect(usage.cpu.userMs + usage.cpu.systemMs).toBeGreaterThan(200);
    // The precise total (schedstat, ns) agrees with the 10 ms ticks to within their quantum.
    expect(Math.abs(usage.cpu.totalMs - (usage.cpu.userMs + usage.cpu.systemMs))).toBeLessThan(40);
    expect(usage.processes.length).toBeGreaterThanOrEqual(2);
    expect(usage.peakTotalMb).toBeGreaterThan(10);
    // Kill the grandchild too (the shell does not forward SIGKILL).
    for (const p of tree) if (p.pid !== sh.pid) process.kill(p.pid, 'SIGKILL');
  });

  it('gives zero for processes that do not exist', () => {
    expect(processTree([2 ** 22 + 12345])).toEqual([]);
    expect(treeCpu([2 ** 22 + 12345])).toEqual({ userMs: 0, systemMs: 0, totalMs: 0 });
  });
});

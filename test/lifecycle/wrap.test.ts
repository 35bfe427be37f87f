// TargetOptions.wrap: any spawnService target runs inside a wrapper process (a profiler host)
// with no code of its own: ready and messages pass through the wrapper, stop() gives the wrapper
// its own grace to write its data, and neither a stop nor a killed harness leaves a process.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { bareNodeHttp } from '../../targets/baseline/spec.js';
import { parseWrapperArgv, wrappedCommand, type ProcessWrapper } from '../../targets/lifecycle/wrap.js';
import { startTarget, type Started } from './start.js';
import { isAlive, nodeProcesses, processTree, waitUntil } from './tree.js';

const host = fileURLToPath(new URL('../fixtures/wrap/relay-host.ts', import.meta.url));
const driver = fileURLToPath(new URL('../fixtures/wrap/driver.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'archbench-wrap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let started: Started | undefined;
afterEach(async () => {
  await started?.cleanup();
  started = undefined;
});

const wrap = (out: string, delayMs: number, stopGraceMs: number): ProcessWrapper => ({ entry: host, args: [out, String(delayMs)], stopGraceMs });

describe('wrapped service processes', () => {
  it('the wrapper gets its own arguments, the service name and the whole node command back', () => {
    const w: ProcessWrapper = { entry: '/x/host.js', args: ['flame', '/out dir'], stopGraceMs: 1 };
    const argv = wrappedCommand(w, 'users#1', ['--cpu-prof', '/x/main.js', '--', 'x']);
    expect(argv[0]).toBe('/x/host.js');
    expect(parseWrapperArgv(argv.slice(1))).toEqual({ args: ['flame', '/out dir'], service: 'users#1', command: [process.execPath, '--cpu-prof', '/x/main.js', '--', 'x'] });
    expect(() => parseWrapperArgv(['flame', 'svc'])).toThrow(/expected/);
  });

  it('start through the wrapper, serve, and stop only after the wrapper wrote its data (past the default 3 s grace)', async () => {
    const out = mkdtempSync(join(dir, 'slow-'));
    started = await startTarget(bareNodeHttp, { wrap: wrap(out, 3500, 15_000) });
    const { target } = started;
    expect((await fetch(`${target.url}/health`)).status).toBe(200);
    const tree = nodeProcesses(processTree(target.pids()));
    expect(tree).toHaveLength(2); // the wrapper and the service under it
    const t0 = Date.now();
    await target.stop();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(3400);
    const done = JSON.parse(readFileSync(join(out, 'bare-node-http.done'), 'utf8')) as { pid: number; code: number | null };
    expect(tree).toContain(done.pid);
    expect(done.code).toBe(0); // the service shut down on SIGTERM, it was not killed
    for (const pid of tree) expect(isAlive(pid), `pid ${pid} still alive`).toBe(false);
  }, 30_000);

  it('a wrapper slower than its stopGraceMs is killed with its whole group', async () => {
    const out = mkdtempSync(join(dir, 'killed-'));
    started = await startTarget(bareNodeHttp, { wrap: wrap(out, 10_000, 500) });
    const tree = nodeProcesses(processTree(started.target.pids()));
    const t0 = Date.now();
    await started.target.stop();
    expect(Date.now() - t0).toBeLessThan(2500); // its 500 ms, not the default 3 s
    expect(existsSync(join(out, 'bare-node-http.done'))).toBe(false);
    for (const pid of tree) expect(isAlive(pid), `pid ${pid} still alive`).toBe(false);
  }, 30_000);

  it('a SIGKILLed harness: the wrapper closes the service channel, the service exits, the wrapper writes and exits', async () => {
    const out = mkdtempSync(join(dir, 'deadman-'));
    const child = spawn(process.execPath, ['--import', 'tsx', driver, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        if (buf.includes('\n')) resolve(buf.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`driver exited with ${code}`)));
    });
    const { pids } = JSON.parse(line) as { pids: number[] };
    const tree = nodeProcesses(processTree(pids));
    expect(tree).toHaveLength(2);
    child.kill('SIGKILL');
    expect(await waitUntil(() => tree.every((pid) => !isAlive(pid)), 10_000)).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'bare-node-http.done'), 'utf8'))).toMatchObject({ code: 0 });
  }, 30_000);
});

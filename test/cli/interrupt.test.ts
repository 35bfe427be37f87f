// Ctrl-C, a crashing target and a SIGKILLed harness: partial results, and no orphan process.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../record/results.js';
import { BIN, ROOT, childrenOf, isAlive, waitFor } from '../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function startRun(extra: string[] = []) {
  const out = mkdtempSync(join(tmpdir(), 'archbench-int-'));
  dirs.push(out);
  const child = spawn(process.execPath, [BIN, 'run', 'smoke', '--targets', 'monolith-fastify', '--duration', '30', '--out', out, ...extra], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  child.stdout.on('data', () => {});
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, out, exited, stderr: () => stderr };
}

async function untilMeasuring(run: ReturnType<typeof startRun>) {
  expect(await waitFor(() => /measure/.test(run.stderr()), 60_000)).toBe(true);
  const targets = childrenOf(run.child.pid!);
  expect(targets.length).toBeGreaterThan(0);
  return targets;
}

describe('interruptions', () => {
  it('SIGINT stops load and targets and writes partial results marked interrupted', async () => {
    const run = startRun();
    const targets = await untilMeasuring(run);
    // The engine's generator thread starts after the phase line; on a loaded machine that
    // took over 1.5 s, and an interrupt before its first request leaves nothing to keep.
    await new Promise((r) => setTimeout(r, 3000));
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(1);
    const results = JSON.parse(readFileSync(join(run.out, 'results.json'), 'utf8')) as Results;
    expect(results.interrupted).toBe(true);
    expect(results.status).toBe('interrupted');
    expect(results.runs[0]!.status).toBe('interrupted');
    expect(results.runs[0]!.requests).toBeGreaterThan(0);
    expect(results.runs[0]!.durationS).toBeLessThan(25);
    for (const pid of targets) expect(isAlive(pid)).toBe(false);
  }, 90_000);

  it('a target that dies mid-run fails the run with its reason, keeps what was measured', async () => {
    const run = startRun();
    const targets = await untilMeasuring(run);
    await new Promise((r) => setTimeout(r, 1000));
    for (const pid of targets) process.kill(pid, 'SIGKILL');
    expect(await run.exited).toBe(1);
    const results = JSON.parse(readFileSync(join(run.out, 'results.json'), 'utf8')) as Results;
    expect(results.status).toBe('failed');
    expect(results.runs[0]!.status).toBe('failed');
    expect(results.runs[0]!.error).toMatch(/exited unexpectedly/);
  }, 90_000);

  it('a SIGKILLed harness leaves no target behind (dead-man switch), and partial JSON is valid', async () => {
    const run = startRun();
    const targets = await untilMeasuring(run);
    run.child.kill('SIGKILL');
    await run.exited;
    expect(await waitFor(() => targets.every((p) => !isAlive(p)), 10_000)).toBe(true);
    const partial = JSON.parse(readFileSync(join(run.out, 'results.partial.json'), 'utf8')) as Results;
    expect(partial.scenario.name).toBe('smoke');
    // The file must not claim a finished run, and it holds the run that was under way.
    expect(partial.status).toBe('running');
    expect(partial.inProgress).toMatchObject({ target: 'monolith-fastify', trial: 1 });
    // Its target's data folder is left behind (nobody ran the finally) ...
    const pid = run.child.pid!;
    const leftovers = () => readdirSync(tmpdir()).filter((n) => n.startsWith('archbench-monolith-fastify-pid' + pid + '-'));
    expect(leftovers()).toHaveLength(1);
    // ... until the next run starts, which removes folders whose harness is dead.
    const next = spawn(process.execPath, [BIN, 'run', 'smoke', '--targets', 'monolith-fastify', '--duration', '1', '--warmup', '0', '--out', join(run.out, 'next')], { cwd: ROOT });
    next.stdout.resume();
    next.stderr.resume();
    await new Promise((resolve) => next.on('close', resolve));
    expect(leftovers()).toHaveLength(0);
  }, 120_000);
});

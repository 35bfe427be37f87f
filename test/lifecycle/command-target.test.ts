// The user's own command as a target (bench run --serve): started in its own process group
// under a supervisor, ready on its port, stopped with SIGTERM then SIGKILL, and never left
// behind: not after a failed start, not after ignoring SIGTERM, not after the harness dies.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { commandTarget, type CommandSettings } from '../../targets/lifecycle/command-target.js';
import type { RunningTarget } from '../../targets/target.js';
import { waitFor } from '../helpers/cli.js';
import { busyCommand, isGone, pidsIn } from './serve-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'archbench-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(command: string, settings: Partial<CommandSettings> = {}, readyTimeoutMs = 10_000): Promise<RunningTarget> {
  const spec = commandTarget({ name: 'svc', command }, { env: {}, graceMs: 1000, logDir: join(dir, 'serve'), ...settings });
  return spec.start({ dataDir: dir, host: '127.0.0.1', signal: new AbortController().signal, readyTimeoutMs, options: {} });
}

async function startError(command: string, settings: Partial<CommandSettings> = {}, readyTimeoutMs = 10_000): Promise<Error> {
  const t0 = Date.now();
  const err = await start(command, settings, readyTimeoutMs).then(
    () => new Error('started, but should not have'),
    (e: Error) => e,
  );
  expect(Date.now() - t0).toBeLessThan(readyTimeoutMs + 5000);
  return err;
}

describe('command target', () => {
  it('starts the command on a free {port}, logs to <out>/serve, and stops its whole process group', async () => {
    const t = await start(busyCommand({ BUSY_US: 0, GRANDCHILD: 1 }));
    const res = await fetch(t.url);
    expect(await res.text()).toBe('ok\n');
    const log = readFileSync(join(dir, 'serve', 'svc.stderr.log'), 'utf8');
    const pids = pidsIn(log);
    expect(pids.length).toBe(2);
    expect(t.pids()).toHaveLength(1);
    await t.stop();
    expect(await waitFor(() => pids.every(isGone), 3000)).toBe(true);
  });

  it('a process that left the group (setsid, as php-fpm does) is found in the tree and stopped with it', async () => {
    const t = await start(busyCommand({ BUSY_US: 0, GRANDCHILD: 'setsid' }));
    const pids = pidsIn(readFileSync(join(dir, 'serve', 'svc.stderr.log'), 'utf8').split('# archbench').pop()!);
    expect(pids.length).toBe(2);
    await t.stop();
    expect(await waitFor(() => pids.every(isGone), 3000)).toBe(true);
  });

  it('a command that never becomes ready: a clear error with its last stderr lines, nothing left', async () => {
    const err = await startError(busyCommand({ MODE: 'never-ready', GRANDCHILD: 1 }), {}, 1500);
    expect(err.message).toMatch(/svc .* did not become ready within 1500 ms \(waited for port \d+ to accept TCP connections\)/);
    expect(err.message).toMatch(/last stderr lines[\s\S]*waiting for a database that never comes/);
    const pids = pidsIn(err.message);
    expect(pids.length).toBe(2);
    expect(await waitFor(() => pids.every(isGone), 3000)).toBe(true);
  });

  it('a command that exits early: its exit code and last stderr lines, nothing left', async () => {
    const err = await startError(busyCommand({ MODE: 'exit-early', GRANDCHILD: 1 }));
    expect(err.message).toMatch(/exited before it was ready \(code 3, signal null\)/);
    expect(err.message).toMatch(/cannot open config\.yml/);
    const pids = pidsIn(err.message);
    // The grandchild outlived its parent in the group: the supervisor took it down.
    expect(await waitFor(() => pids.every(isGone), 3000)).toBe(true);
  });

  it('a command that ignores SIGTERM is killed with SIGKILL after the grace period, with a warning', async () => {
    const warnings: string[] = [];
    const t = await start(busyCommand({ MODE: 'ignore-sigterm', GRANDCHILD: 1 }), { graceMs: 700, warn: (m) => warnings.push(m) });
    const pids = pidsIn(readFileSync(join(dir, 'serve', 'svc.stderr.log'), 'utf8').split('# archbench').pop()!);
    const t0 = Date.now();
    await t.stop();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(650);
    expect(warnings.join('\n')).toMatch(/svc did not exit within 700 ms of SIGTERM: killed its process group with SIGKILL/);
    expect(t.stderrTail().join('\n')).toMatch(/SIGTERM ignored/);
    expect(await waitFor(() => pids.every(isGone), 3000)).toBe(true);
  });

  it('a fixed --port that something already listens on is refused before the command starts', async () => {
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const err = await startError('sleep 30', { port });
      expect(err.message).toMatch(new RegExp(`port ${port} already accepts connections`));
    } finally {
      server.close();
    }
  });

  it.each([
    // SIGTERM is ignored by the command: the supervisor's SIGKILL after 500 ms takes the group.
    ['a command that ignores SIGTERM', { MODE: 'ignore-sigterm', GRANDCHILD: 1 }],
    ['a process that left the group', { GRANDCHILD: 'setsid' }],
  ])("dead-man's switch: a SIGKILLed harness leaves nothing behind: %s", async (_what, env) => {
    const harness = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../fixtures/serve/harness-then-die.ts', import.meta.url)), busyCommand(env)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve) => harness.stdout.once('data', (c: Buffer) => resolve(c.toString())));
    const { logDir } = JSON.parse(line) as { logDir: string };
    const pids = pidsIn(readFileSync(join(logDir, 'dms.stderr.log'), 'utf8'));
    expect(pids.length).toBe(2);
    harness.kill('SIGKILL');
    expect(await waitFor(() => pids.every(isGone), 5000)).toBe(true);
    rmSync(logDir, { recursive: true, force: true });
  });
});

// bench serve <target>: our reference target up until Ctrl-C, with its URL and a token printed.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, waitFor } from '../helpers/cli.js';
import { isGone } from '../lifecycle/serve-helpers.js';

describe('bench serve', () => {
  it('prints a URL that answers, a token and a seeded user, and stops everything on Ctrl-C', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', 'monolith-fastify'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    expect(await waitFor(() => /Ctrl-C stops it/.test(stdout), 60_000, 100)).toBe(true);
    const url = /is up at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
    const userId = /seeded user: (\S+)/.exec(stdout)![1]!;
    expect(stdout).toMatch(/Bearer ey/);
    const res = await fetch(`${url}/users/${userId}`);
    expect(res.status).toBe(200);
    const { childrenOf } = await import('../helpers/cli.js');
    const kids = childrenOf(child.pid!);
    expect(kids.length).toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await waitFor(() => kids.every(isGone), 5000)).toBe(true);
  }, 90_000);
});

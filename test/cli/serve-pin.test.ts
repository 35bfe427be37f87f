// --pin with --serve: the user's command runs on the targets' cores, not beside the generator;
// and bench ab refuses fewer than 3 trials before it starts anything.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../record/results.js';
import { bench } from '../helpers/cli.js';
import { busyCommand } from '../lifecycle/serve-helpers.js';

const out = mkdtempSync(join(tmpdir(), 'archbench-serve-pin-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('--serve with --pin', () => {
  it('starts the command on the cores --pin gives the targets', async () => {
    const dir = join(out, 'pin');
    // The command reports its own affinity before it becomes the server.
    const command = `grep Cpus_allowed_list /proc/self/status >&2; ${busyCommand({ BUSY_US: 100 })}`;
    const r = await bench(['run', 'test/fixtures/serve/get-root.ts', '--serve', `svc=${command}`, '--pin', '-d', '1', '-w', '0', '--rate', '50', '-o', dir]);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
    const placement = results.env.placement;
    const pinned = /targets on CPU (\S+) \(taskset\)/.exec(placement);
    if (!pinned) return expect(placement).toMatch(/not done/); // one core, or no taskset: said so
    const log = readFileSync(join(dir, 'serve', 'svc.stderr.log'), 'utf8');
    expect(/Cpus_allowed_list:\s*(\S+)/.exec(log)?.[1]).toBe(pinned[1]);
  }, 60_000);

  it('bench ab with fewer than 3 trials exits 2 before it starts anything', async () => {
    const r = await bench(['ab', 'test/fixtures/serve/get-root.ts', '--base', `${busyCommand()}`, '--head', `${busyCommand()}`, '--trials', '2', '-o', join(out, 'ab2')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid --trials "2": expected a whole number from 3 to 100');
    expect(() => readFileSync(join(out, 'ab2', 'results.partial.json'))).toThrow();
  });
});

// Data folders left by a dead harness (SIGKILL, a second Ctrl-C) are removed at the next start;
// a live harness's folders and folders without a PID are left alone.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir, removeStaleDataDirs } from '../../harness/data-dir.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe('target data folders', () => {
  it('carry the harness PID, and only those of dead harnesses are removed', () => {
    const root = mkdtempSync(join(tmpdir(), 'data-dir-test-'));
    roots.push(root);
    const mine = makeDataDir('monolith-fastify', root);
    expect(mine).toMatch(new RegExp(`archbench-monolith-fastify-pid${process.pid}-\\w{6}$`));
    const dead = join(root, 'archbench-micro-rest-fastify-pid999999-AbC123');
    mkdirSync(dead);
    writeFileSync(join(dead, 'users.db'), 'x');
    const unowned = join(root, 'archbench-monolith-fastify-Xy12Z9');
    mkdirSync(unowned);
    const removed = removeStaleDataDirs(root, (pid) => pid === process.pid);
    expect(removed).toEqual([dead]);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(mine)).toBe(true);
    expect(existsSync(unowned)).toBe(true);
  });
});

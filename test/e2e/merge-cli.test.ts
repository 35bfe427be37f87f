// `bench merge` as a user runs it: two generators' folders in, one run folder out; refusals exit 2.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../common/atomic-write.js';
import type { Results } from '../../record/results.js';
import { jsonExport } from '../../reports/json.js';
import { bench } from '../helpers/cli.js';
import { EXPRESS, FASTIFY, makeResults } from '../reports/fixtures.js';

describe('bench merge', () => {
  let dir: string;
  const folder = (name: string, r: Results) => {
    writeFileAtomic(join(dir, name, 'results.json'), jsonExport(r));
    return join(dir, name);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'archbench-merge-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes results.json, summary.md and report.html of the merged run', async () => {
    const a = makeResults({ trials: 2, targets: [FASTIFY, EXPRESS], seed: 1 });
    const b = makeResults({ trials: 2, targets: [FASTIFY, EXPRESS], seed: 2 });
    const out = join(dir, 'merged');
    const r = await bench(['merge', folder('host-a', a), folder('host-b', b), '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const f of ['results.json', 'summary.md', 'report.html']) expect(existsSync(join(out, f)), f).toBe(true);
    const merged = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    expect(merged.runs.length).toBe(4);
    expect(merged.runs[0]!.ok).toBe(a.runs[0]!.ok + b.runs[0]!.ok);
    expect(merged.mergedFrom?.map((m) => m.source)).toEqual(['host-a', 'host-b']);
    expect(merged.aggregates?.targets.map((t) => t.target)).toEqual(['monolith-fastify', 'monolith-express']);
  });

  it('refuses runs of different scenarios with exit 2 naming both', async () => {
    const a = makeResults({ trials: 1, targets: [FASTIFY], scenario: 'read-heavy' });
    const b = makeResults({ trials: 1, targets: [FASTIFY], scenario: 'write-heavy' });
    const r = await bench(['merge', folder('s-a', a), folder('s-b', b), '--out', join(dir, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/different scenarios \(s-a: read-heavy; s-b: write-heavy\)/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('refuses a single source and a missing folder with exit 2', async () => {
    expect((await bench(['merge', join(dir, 'host-a'), '--out', join(dir, 'x')])).code).toBe(2);
    const missing = await bench(['merge', join(dir, 'host-a'), join(dir, 'nope'), '--out', join(dir, 'x')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope does not exist/);
  });
});

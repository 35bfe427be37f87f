// Dependencies point one way: cli -> harness -> {interop, runners, targets} -> ... -> record ->
// common, and reports only read results. This test reads the real import graph and fails on
// any arrow the rule does not allow, so the layout holds from now on.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALLOWED, ROOMS, importArrows, readRooms, violations, type Room } from './import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the import graph', () => {
  const files = readRooms(ROOT);
  const arrows = importArrows(ROOT, files);

  it('reads the whole source (every room, hundreds of imports)', () => {
    expect(new Set(files.map((f) => f.path.split('/')[0]))).toEqual(new Set(ROOMS));
    expect(arrows.length).toBeGreaterThan(500);
  });

  it('has no upward or forbidden arrow', () => {
    expect(violations(arrows)).toEqual([]);
  });

  it('nothing imports cli/, and runners, targets, harness, analysis and record never import reports/', () => {
    for (const room of ROOMS.filter((r) => r !== 'cli')) expect(ALLOWED[room]).not.toContain('cli');
    for (const room of ['runners', 'targets', 'harness', 'analysis', 'record'] as Room[]) expect(ALLOWED[room]).not.toContain('reports');
  });

  it('catches an upward arrow, an import of cli and a sideways arrow', () => {
    const planted = importArrows(ROOT, [
      { path: 'record/x.ts', text: "import { a } from '../reports/table.js';" },
      { path: 'harness/y.ts', text: "export { b } from '../cli/run.js';" },
      { path: 'targets/z.ts', text: "const c = await import('../runners/registry.js');" },
      { path: 'runners/w.ts', text: "import type { D } from '../record/results.js';" },
    ]);
    expect(violations(planted)).toEqual([
      'record/x.ts -> reports/table.js: record may import only common',
      'harness/y.ts -> cli/run.js: harness may import only interop, analysis, runners, targets, scenarios, record, common',
      'targets/z.ts -> runners/registry.js: targets may import only record, common',
    ]);
  });

  it('the rooms form no cycle', () => {
    // A topological order exists when the allowed graph is acyclic.
    const order: Room[] = [];
    const visit = (r: Room, path: Room[]): void => {
      expect(path, `cycle through ${[...path, r].join(' -> ')}`).not.toContain(r);
      if (order.includes(r)) return;
      for (const d of ALLOWED[r]) visit(d, [...path, r]);
      order.push(r);
    };
    for (const r of ROOMS) visit(r, []);
    expect(order).toHaveLength(ROOMS.length);
  });
});

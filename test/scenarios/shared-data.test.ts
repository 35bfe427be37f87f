// sharedData(): CSV or JSON rows, read when the scenario file loads, relative to that file
// whatever the working folder, frozen; bad files are ScenarioErrors naming the file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/source.js';
import { csvRows, sharedData } from '../../scenarios/shared-data.js';
import { ScenarioError } from '../../scenarios/validate.js';
import { dryContext } from '../../scenarios/dry-context.js';

const dir = mkdtempSync(join(tmpdir(), 'archbench-shared-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sharedData', () => {
  it('parses RFC 4180 CSV: quoted commas, doubled quotes, line breaks, CRLF, a BOM', () => {
    const rows = csvRows('\ufeffname,note\r\n"Hopper, Grace","said ""hi"""\r\nAda,"two\nlines"\r\n', 'x.csv');
    expect(rows).toEqual([
      { name: 'Hopper, Grace', note: 'said "hi"' },
      { name: 'Ada', note: 'two\nlines' },
    ]);
  });

  it('a row with the wrong number of fields names the file and line', () => {
    expect(() => csvRows('a,b\n1,2\n3\n', 'x.csv')).toThrow('x.csv:3: 1 fields, the header has 2');
  });

  it('resolves relative to the scenario file, not the working folder, and freezes the rows', async () => {
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'ids.json'), JSON.stringify([{ id: 'u1' }, { id: 'u2' }]));
    const file = join(dir, 'scen.ts');
    writeFileSync(
      file,
      `import { defineScenario, sharedData } from 'archbench';
const ids = sharedData<{ id: string }>('./data/ids.json');
export default defineScenario({ name: 'shared', description: 'd',
  requests: [{ name: 'GET', weight: 1, request: (ctx) => ({ method: 'GET', path: '/users/' + ids[Math.floor(ctx.random() * ids.length)]!.id }) }],
  executor: { type: 'constant-vus', vus: 1, duration: '1s' } });
`,
    );
    const { scenario } = await loadScenario(file);
    const r = scenario.requests[0]!;
    expect(r.request!(dryContext()).path).toBe('/users/u2');
  });

  it('rows are read-only', () => {
    writeFileSync(join(dir, 'rows.csv'), 'a\n1\n');
    const rows = sharedData(join(dir, 'rows.csv'));
    expect(Object.isFrozen(rows) && Object.isFrozen(rows[0])).toBe(true);
  });

  it('a missing file, a non-array JSON and an unknown extension are ScenarioErrors naming the path', () => {
    writeFileSync(join(dir, 'obj.json'), '{"a":1}');
    expect(() => sharedData(join(dir, 'nope.csv'))).toThrow(ScenarioError);
    expect(() => sharedData(join(dir, 'nope.csv'))).toThrow(/cannot read .*nope\.csv \(ENOENT\); a relative path is relative to the scenario file/);
    expect(() => sharedData(join(dir, 'obj.json'))).toThrow(/must hold a JSON array/);
    expect(() => sharedData(join(dir, 'rows.txt'))).toThrow(/cannot read|must be \.csv or \.json/);
  });
});

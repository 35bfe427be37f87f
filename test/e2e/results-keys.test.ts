// Golden test over a run's key set: the same command writes a results.json with the same
// fields as before the redesign that gave results their own room (record/). The golden file
// came from `bench run smoke -d 1 -w 0 --targets monolith-fastify` on the commit before it;
// a deliberate change of the results' shape updates it in the same commit (since then: the issue 17
// switch axes and generator.perThreadCpuPct, added; nothing removed). runs[].checks (issue 16)
// is present only when a scenario defines checks, so smoke's key set keeps it out on purpose.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, bench } from '../helpers/cli.js';
import { keyPaths } from '../record/key-paths.js';

const out = mkdtempSync(join(tmpdir(), 'archbench-keys-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('results.json fields', () => {
  it('bench run smoke writes exactly the golden key set', async () => {
    const r = await bench(['run', 'smoke', '-d', '1', '-w', '0', '--targets', 'monolith-fastify', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const golden = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/results-keys.smoke.json'), 'utf8')) as string[];
    const now = keyPaths(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    expect({ added: now.filter((k) => !golden.includes(k)), missing: golden.filter((k) => !now.includes(k)) }).toEqual({ added: [], missing: [] });
  }, 60_000);
});

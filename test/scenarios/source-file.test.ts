// A user's scenario file loads from a folder with no package.json and no node_modules:
// 'archbench' is this installation, TypeScript needs no build step, and every failure is a
// ScenarioError (exit 2) naming the file and the line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/source.js';
import { ScenarioError } from '../../scenarios/validate.js';

const dir = mkdtempSync(join(tmpdir(), 'archbench-userscen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const EXECUTOR = "executor: { type: 'constant-vus', vus: 1, duration: '1s' }";

async function loadError(file: string): Promise<string> {
  const err = await loadScenario(file).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ScenarioError);
  return (err as Error).message;
}

describe('scenario files from any folder', () => {
  it('loads a TypeScript file importing archbench and a relative JSON-producing module', async () => {
    write('paths.ts', "export const PATHS: string[] = ['/a', '/b'];\n");
    const file = write('my.ts', `import { defineScenario } from 'archbench';
import { PATHS } from './paths.js';
export default defineScenario({ name: 'mine', description: 'd',
  requests: [{ name: 'GET', weight: 1, request: (ctx) => ({ method: 'GET', path: PATHS[Math.floor(ctx.random() * PATHS.length)]! }) }],
  ${EXECUTOR} });
`);
    const { scenario, source } = await loadScenario(file);
    expect(source).toBe(file);
    expect(scenario.name).toBe('mine');
    expect(scenario.requests).toHaveLength(1);
  });

  it('a missing relative import names the file, line and column', async () => {
    const file = write('bad-import.ts', `import { defineScenario } from 'archbench';\nimport { rows } from './nope.js';\nexport default defineScenario({ name: rows, requests: [], ${EXECUTOR} });\n`);
    expect(await loadError(file)).toContain(`${file}:2:22: Could not resolve "./nope.js"`);
  });

  it('a throw while loading names the line of the original file (source-mapped)', async () => {
    const file = write('throws.ts', `import { defineScenario } from 'archbench';\nconst x: { y?: { z: number } } = {};\n\nconst z = x.y!.z;\nexport default defineScenario({ name: String(z), requests: [], ${EXECUTOR} });\n`);
    expect(await loadError(file)).toMatch(new RegExp(`failed to load: .*\\(at ${file.replace(/[.]/g, '\\.')}:4:\\d+\\)`));
  });

  it('defineScenario problems name the file', async () => {
    const file = write('invalid.mjs', `import { defineScenario } from 'archbench';\nexport default defineScenario({ name: 'x', requests: [], ${EXECUTOR} });\n`);
    expect(await loadError(file)).toContain(`${file}: invalid scenario "x"`);
  });
});

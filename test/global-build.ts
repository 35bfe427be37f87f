// Children of the tests start from dist/ (common/module-entry.ts, ARCHBENCH_BUILT_CHILDREN), so
// dist/ must hold the code under test: `npm test` builds first; a bare `vitest run` after an
// edit gets a build here, so no test ever runs a child from stale code.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['cli', 'common', 'record', 'analysis', 'interop', 'harness', 'targets', 'scenarios', 'runners', 'reports'];

/** Whether the source file `rel` has no build, or one older than itself. */
function isStale(rel: string): boolean {
  try {
    return statSync(join(ROOT, rel)).mtimeMs > statSync(join(ROOT, 'dist', rel.replace(/\.ts$/, '.js'))).mtimeMs;
  } catch {
    return true;
  }
}

function staleSource(dir: string): string | undefined {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = staleSource(rel);
      if (found) return found;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && isStale(rel)) return rel;
  }
  return undefined;
}

export default function setup(): void {
  const stale = isStale('index.ts') ? 'index.ts' : SOURCES.map((d) => staleSource(d)).find(Boolean);
  if (!stale) return;
  process.stderr.write(`test setup: dist/ is older than ${stale}; building (npx tsc -p tsconfig.json)\n`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
}

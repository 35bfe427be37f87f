// Builds dist/ when it is missing or older than a source it is built from: the benchmark
// scripts run the built CLI, and the tests start their children from dist/, so a stale build
// would measure or test old code. The sources are tsconfig.json's "include", not a copy of it.
//   node scripts/ensure-build.mjs        (or import { ensureBuild })
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Whether the source file `rel` has no build, or one older than itself. */
function isStale(rel) {
  try {
    return statSync(join(ROOT, rel)).mtimeMs > statSync(join(ROOT, 'dist', rel.replace(/\.ts$/, '.js'))).mtimeMs;
  } catch {
    return true;
  }
}

function staleIn(rel) {
  if (statSync(join(ROOT, rel)).isFile()) return rel.endsWith('.ts') && !rel.endsWith('.d.ts') && isStale(rel) ? rel : undefined;
  for (const name of readdirSync(join(ROOT, rel))) {
    const found = staleIn(join(rel, name));
    if (found) return found;
  }
  return undefined;
}

/** The first source newer than its build, or undefined when dist/ is fresh. */
export function staleSource() {
  const { include } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'));
  for (const rel of include) {
    const found = staleIn(rel);
    if (found) return found;
  }
  return undefined;
}

export function ensureBuild() {
  const stale = staleSource();
  if (!stale) return;
  process.stderr.write(`dist/ is older than ${stale}; building (tsc -p tsconfig.json)\n`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureBuild();

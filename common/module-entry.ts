// Where a module's sibling entry file is, whether we run built (dist/*.js) or from sources
// (*.ts under vitest or tsx): child processes and worker threads both need it.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Set to 1 when running from sources with a fresh build beside them (the tests: `npm test`
 * builds first, and test/global-build.ts rebuilds a stale dist/): children then start from
 * dist/ instead of the sources. Loading a service through tsx costs each child start about
 * 0.25 s more CPU, and the tests start hundreds.
 */
export const BUILT_CHILDREN_ENV = 'ARCHBENCH_BUILT_CHILDREN';

/** The repository root when this module runs from sources (common/ is one level down). */
const SOURCE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Resolve `rel` next to the module `fromUrl`, preferring built .js, falling back to .ts sources. */
export function siblingEntry(fromUrl: string, rel: string): string {
  const js = fileURLToPath(new URL(rel.replace(/\.ts$/, '.js'), fromUrl));
  return existsSync(js) ? js : js.replace(/\.js$/, '.ts');
}

/**
 * The entry a child process or worker thread starts from: as siblingEntry, but from dist/ when
 * BUILT_CHILDREN_ENV asks for it. Only for children: a module this process imports itself must
 * stay the one instance its other importers share.
 */
export function childEntry(fromUrl: string, rel: string): string {
  const entry = siblingEntry(fromUrl, rel);
  if (process.env[BUILT_CHILDREN_ENV] !== '1' || !entry.endsWith('.ts') || !entry.startsWith(SOURCE_ROOT)) return entry;
  const built = join(SOURCE_ROOT, 'dist', relative(SOURCE_ROOT, entry)).replace(/\.ts$/, '.js');
  return existsSync(built) ? built : entry;
}

/** Node arguments that run `entry`, adding the tsx loader when it is TypeScript source. */
export function nodeCommand(entry: string, nodeArgs: string[] = []): string[] {
  return entry.endsWith('.ts') ? [...nodeArgs, '--import', 'tsx', entry] : [...nodeArgs, entry];
}

// Where a module's sibling entry file is, whether we run built (dist/*.js) or from sources
// (*.ts under vitest or tsx): child processes and worker threads both need it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Resolve `relative` next to the module `fromUrl`, preferring built .js, falling back to .ts sources. */
export function siblingEntry(fromUrl: string, relative: string): string {
  const js = fileURLToPath(new URL(relative.replace(/\.ts$/, '.js'), fromUrl));
  if (existsSync(js)) return js;
  return js.replace(/\.js$/, '.ts');
}

/** Node arguments that run `entry`, adding the tsx loader when it is TypeScript source. */
export function nodeCommand(entry: string, nodeArgs: string[] = []): string[] {
  return entry.endsWith('.ts') ? [...nodeArgs, '--import', 'tsx', entry] : [...nodeArgs, entry];
}


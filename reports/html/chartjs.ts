// chart.js's UMD build, read once from node_modules and inlined into every page, so a report
// opens from disk with no network access.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let source: string | undefined;

export function chartJsSource(): string {
  if (source === undefined) {
    // The package exports no subpath for the UMD file: find it next to the main entry.
    const main = createRequire(import.meta.url).resolve('chart.js');
    source = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
  }
  return source;
}

// Subscriber that keeps results on disk: results.partial.json after every run (so even a
// killed run leaves valid JSON), then the full folder at the end.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../common/atomic-write.js';
import type { BenchmarkEvents } from '../harness/events.js';
import { jsonExport } from '../reports/json.js';
import { folderExporters } from '../reports/registry.js';
import type { Results } from '../record/results.js';

export function defaultOutDir(scenario: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:]/g, '-').replace(/\..+$/, '');
  return join('results', `${stamp}-${scenario.replace(/[^\w.-]+/g, '_')}`);
}

export function writePartialResults(events: BenchmarkEvents, dir: string): void {
  events.on('snapshot', (r) => writeFileAtomic(join(dir, 'results.partial.json'), jsonExport(r)));
}

export function writeResultsFolder(dir: string, results: Results): string[] {
  const written: string[] = [];
  for (const e of folderExporters) {
    const path = join(dir, e.file);
    writeFileAtomic(path, e.render(results));
    written.push(path);
  }
  rmSync(join(dir, 'results.partial.json'), { force: true });
  return written;
}

import type { Results } from '../record/results.js';

export function jsonExport(results: Results): string {
  return JSON.stringify(results, null, 2) + '\n';
}

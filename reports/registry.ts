// The explicit list of files a results folder holds; each exporter is a pure function.
import { htmlReport } from './html/report.js';
import { jsonExport } from './json.js';
import { markdownSummary } from './markdown.js';
import type { Results } from '../record/results.js';

export interface FolderExporter {
  file: string;
  render(results: Results): string | Uint8Array;
}

export const folderExporters: readonly FolderExporter[] = [
  { file: 'results.json', render: jsonExport },
  { file: 'summary.md', render: markdownSummary },
  { file: 'report.html', render: htmlReport },
];

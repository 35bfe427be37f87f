// bench report <results.json|dir>: regenerate summary.md and report.html from the JSON alone.
import { join } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../common/atomic-write.js';
import { folderExporters } from '../reports/registry.js';
import { terminalSummary } from '../reports/terminal.js';
import { loadResults } from '../record/load.js';

interface ReportFlags {
  out?: string;
  quiet?: boolean;
}

/** Every exporter of the folder except results.json itself, which is the input. */
export function regenerateReports(pathArg: string, out?: string): string[] {
  const { results, dir } = loadResults(pathArg);
  const files: string[] = [];
  for (const e of folderExporters) {
    if (e.file === 'results.json') continue;
    const path = join(out ?? dir, e.file);
    writeFileAtomic(path, e.render(results));
    files.push(path);
  }
  return files;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('regenerate summary.md and report.html of a run from its results.json')
    .argument('<results>', 'a results.json or the run folder holding it')
    .option('-o, --out <dir>', 'write the reports here instead of next to results.json')
    .option('-q, --quiet', 'do not print the summary table')
    .action((pathArg: string, flags: ReportFlags) => {
      const files = regenerateReports(pathArg, flags.out);
      if (!flags.quiet) process.stdout.write(terminalSummary(loadResults(pathArg).results));
      process.stdout.write(`wrote ${files.join(', ')}\n`);
    });
}

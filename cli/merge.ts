// bench merge <run dirs...> --out DIR: flags in; harness/merge.ts merges and writes the folder.
import type { Command } from 'commander';
import { EXIT_FAILED, EXIT_OK } from '../common/errors.js';
import { runMerge } from '../harness/merge.js';
import { writeResultsFolder } from './results-folder.js';
import { terminalSummary } from '../reports/terminal.js';
import { thresholdsFailed } from '../analysis/thresholds.js';

interface MergeFlags {
  out: string;
  quiet?: boolean;
}

export function registerMerge(program: Command, setExit: (code: number) => void): void {
  program
    .command('merge')
    .description('merge runs of one scenario made by several generators at the same time into one run')
    .argument('<runs...>', 'run folders or results.json files, one per generator')
    .requiredOption('-o, --out <dir>', 'the merged run folder to write')
    .option('-q, --quiet', 'do not print the summary table')
    .action((paths: string[], flags: MergeFlags) => {
      const results = runMerge(paths, flags.out);
      const files = writeResultsFolder(flags.out, results);
      if (!flags.quiet) process.stdout.write(terminalSummary(results));
      process.stdout.write(`merged ${paths.length} generators; wrote ${files.join(', ')}\n`);
      setExit(results.status === 'ok' && !thresholdsFailed(results) ? EXIT_OK : EXIT_FAILED);
    });
}

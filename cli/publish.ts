// bench publish <runs...> --site DIR: flags in; the site is assembled by harness/publish.ts.
import { join } from 'node:path';
import type { Command } from 'commander';
import { publishSite } from '../harness/publish.js';

export function registerPublish(program: Command): void {
  program
    .command('publish')
    .description('add runs to a static site: an index of every run, their reports, a trend page per scenario')
    .argument('<runs...>', 'run folders or results.json files')
    .requiredOption('--site <dir>', 'the site folder (created, or added to when it exists)')
    .action((paths: string[], flags: { site: string }) => {
      const { added, present, index } = publishSite(paths, flags.site);
      if (present.length) process.stdout.write(`already published: ${present.join(', ')}\n`);
      process.stdout.write(`added ${added.length} run(s); the site has ${index.runs.length}: ${join(flags.site, 'index.html')}\n`);
    });
}

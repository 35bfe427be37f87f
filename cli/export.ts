// bench export k6 <scenario>: the scenario as a k6 script plus k6-operator manifests.
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../common/atomic-write.js';
import { UsageError } from '../common/errors.js';
import { exportK6 } from '../interop/k6/export.js';
import { loadScenario } from '../scenarios/source.js';

interface ExportFlags {
  url: string;
  out?: string;
  parallelism: string;
}

export const DEFAULT_EXPORT_URL = 'http://127.0.0.1:3000';

function httpUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url "${text}" is not a URL; expected e.g. ${DEFAULT_EXPORT_URL}`, 'ERR_URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--url "${text}": the k6 script speaks http or https only`, 'ERR_URL');
  return url.href.replace(/\/+$/, '');
}

export function registerExport(program: Command): void {
  const exportCmd = program.command('export').description('write a scenario for another load tool');
  exportCmd
    .command('k6')
    .description('write a k6 script (script.js + bundled request builders) and k6-operator manifests (configmap.yaml, testrun.yaml)')
    .argument('<scenario>', 'a built-in scenario name or a path to your scenario file')
    .option('--url <url>', 'base URL of the service under test (BASE_URL in k6 overrides it)', DEFAULT_EXPORT_URL)
    .option('-o, --out <dir>', 'folder to write the files to (default: k6-<scenario>)')
    .option('--parallelism <n>', 'k6-operator pods; each runs its execution segment of the same totals', '1')
    .action(async (nameOrPath: string, flags: ExportFlags) => {
      const parallelism = Number(flags.parallelism);
      const { scenario, source } = await loadScenario(nameOrPath);
      const url = httpUrl(flags.url);
      const command = ['bench', 'export', 'k6', nameOrPath, ...(flags.url !== DEFAULT_EXPORT_URL ? ['--url', url] : []), ...(parallelism !== 1 ? ['--parallelism', String(parallelism)] : [])].join(' ');
      const files = exportK6({ scenario, source, url, parallelism, command });
      const dir = resolve(flags.out ?? `k6-${scenario.name}`);
      for (const [file, text] of Object.entries(files)) writeFileAtomic(join(dir, file), text);
      process.stdout.write(`wrote ${Object.keys(files).map((f) => join(dir, f)).join(', ')}\n`);
    });
}

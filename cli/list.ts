// bench list: the built-in scenarios and targets, for people (wrapped to the terminal) or tools (--json).
import type { Command } from 'commander';
import { formatScenarios, formatTargets, outputWidth } from './list-format.js';
import { scenarios } from '../scenarios/registry.js';
import { targets } from '../targets/catalog.js';
import { UsageError } from '../common/errors.js';

const KINDS = ['scenarios', 'targets'] as const;

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list built-in scenarios and targets (with their architecture axes)')
    .argument('[kind]', `one of ${KINDS.join(', ')} (default both)`)
    .option('--json', 'machine-readable output')
    .action((kind: string | undefined, flags: { json?: boolean }) => {
      if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) {
        throw new UsageError(`unknown list kind "${kind}"; valid: ${KINDS.join(', ')}`);
      }
      const showScenarios = kind === undefined || kind === 'scenarios';
      const showTargets = kind === undefined || kind === 'targets';
      const scenarioRows = scenarios.map((s) => ({ name: s.name, description: s.description, executor: s.executor }));
      const targetRows = targets.map((t) => ({ name: t.name, axes: t.axes, description: t.description, reference: t.reference === true }));
      if (flags.json) {
        const data = kind === 'scenarios' ? scenarioRows : kind === 'targets' ? targetRows : { scenarios: scenarioRows, targets: targetRows };
        process.stdout.write(JSON.stringify(data, null, 2) + '\n');
        return;
      }
      const width = outputWidth();
      const out: string[] = [];
      if (showScenarios) out.push(...formatScenarios(scenarioRows, width));
      if (showTargets) {
        if (out.length) out.push('');
        out.push(...formatTargets(targetRows, width));
      }
      process.stdout.write(out.join('\n') + '\n');
    });
}

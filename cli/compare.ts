// bench compare <base> <head>: the CI regression gate. Exit 1 on any regression (and, with
// --fail-on-uncertain, on any uncertain metric), 0 otherwise, 2 when the inputs cannot be
// compared (different scenarios, too few trials).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../common/atomic-write.js';
import { DEFAULT_ALPHA, DEFAULT_TEST, SIGNIFICANCE_TESTS, compareResults, type Comparison, type SignificanceTest } from '../analysis/compare.js';
import { compareHtml } from '../reports/compare/html.js';
import { compareJson } from '../reports/compare/json.js';
import { compareMarkdown } from '../reports/compare/markdown.js';
import { parseMinEffects } from '../analysis/min-effects.js';
import { compareTerminal } from '../reports/compare/terminal.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../common/errors.js';
import { loadResults } from '../record/load.js';
import { localeIsUtf8 } from './charset.js';

interface CompareFlags {
  threshold?: string;
  alpha: number;
  test: SignificanceTest;
  out?: string;
  failOnUncertain?: boolean;
  ascii?: boolean;
}

export function alphaOption(raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !(n > 0 && n < 0.5)) throw new UsageError(`invalid --alpha "${raw}": expected a significance level between 0 and 0.5 (exclusive), e.g. 0.01`);
  return n;
}

export function testOption(raw: string): SignificanceTest {
  const t = SIGNIFICANCE_TESTS.find((x) => x === raw);
  if (!t) throw new UsageError(`invalid --test "${raw}": expected one of ${SIGNIFICANCE_TESTS.join(', ')}`);
  return t;
}

export function runCompare(basePath: string, headPath: string, flags: CompareFlags): { comparison: Comparison; files: string[] } {
  const base = loadResults(basePath, 'base');
  const head = loadResults(headPath, 'head');
  const minEffects = parseMinEffects(flags.threshold);
  const opts = { alpha: flags.alpha, test: flags.test, minEffects, failOnUncertain: flags.failOnUncertain ?? false };
  const comparison = compareResults(base.results, head.results, opts, { base: base.file, head: head.file });
  const out = flags.out ?? head.dir;
  mkdirSync(out, { recursive: true });
  const exporters: Array<[string, (c: Comparison) => string]> = [
    ['compare.md', compareMarkdown],
    ['compare.json', compareJson],
    ['compare.html', compareHtml],
  ];
  const files = exporters.map(([name, render]) => {
    const file = join(out, name);
    writeFileAtomic(file, render(comparison));
    return file;
  });
  return { comparison, files };
}

export function registerCompare(program: Command, setExit: (code: number) => void): void {
  program
    .command('compare')
    .description('compare two runs per target and metric; exit 1 on a regression (the CI gate)')
    .argument('<base>', 'baseline results.json or run folder')
    .argument('<head>', 'new results.json or run folder')
    .option('--threshold <list>', 'minimum effects, e.g. p99=+15%,rps=-5% (defaults: latency and CPU 10%, rps 5%, RSS 10%, errors 1 pp)')
    .option('--alpha <p>', 'significance level of the test, 0..0.5', alphaOption, DEFAULT_ALPHA)
    .option('--test <name>', `test over trials: ${SIGNIFICANCE_TESTS.join(' or ')} (welch: t-test on log values; yuen: trimmed t-test on log values, for 10+ trials; mann-whitney: exact rank test, needs 5+ trials per side)`, testOption, DEFAULT_TEST)
    .option('-o, --out <dir>', 'where compare.md, compare.json and compare.html go (default: the head folder)')
    .option('--fail-on-uncertain', 'exit 1 when any metric is uncertain (too noisy to judge), not only on a regression')
    .option('--ascii', 'plain ASCII output, no emoji (the default when the locale is not UTF-8)')
    .action((basePath: string, headPath: string, flags: CompareFlags) => {
      const { comparison, files } = runCompare(basePath, headPath, flags);
      process.stdout.write(compareTerminal(comparison, { ascii: flags.ascii === true || !localeIsUtf8() }));
      process.stdout.write(`\nwrote ${files.join(', ')}\n`);
      setExit(comparison.gate === 'fail' ? EXIT_FAILED : EXIT_OK);
    });
}

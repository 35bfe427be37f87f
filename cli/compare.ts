// bench compare <base> <head>: the CI regression gate. Exit 1 on any regression (and, with
// --fail-on-uncertain, on any uncertain metric), 0 otherwise, 2 when the inputs cannot be
// compared (different scenarios, too few trials).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { targetNames } from '../analysis/aggregate.js';
import { splitByTarget } from '../analysis/split.js';
import type { Results } from '../record/results.js';
import type { Command } from 'commander';
import { writeFileAtomic } from '../common/atomic-write.js';
import { DEFAULT_ALPHA, DEFAULT_PAIRED_TEST, DEFAULT_TEST, PAIRED_TESTS, SIGNIFICANCE_TESTS, compareResults, type Comparison, type PairedTest, type SignificanceTest } from '../analysis/compare.js';
import { compareHtml } from '../reports/compare/html.js';
import { compareJson } from '../reports/compare/json.js';
import { compareMarkdown } from '../reports/compare/markdown.js';
import { parseMinEffects } from '../analysis/min-effects.js';
import { compareTerminal } from '../reports/compare/terminal.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../common/errors.js';
import { loadResults } from '../record/load.js';
import { localeIsUtf8 } from './charset.js';

interface CompareFlags {
  baseTarget?: string;
  headTarget?: string;
  unpaired?: boolean;
  threshold?: string;
  alpha: number;
  test: SignificanceTest;
  pairedTest: PairedTest;
  out?: string;
  failOnUncertain?: boolean;
  ascii?: boolean;
}

export function alphaOption(raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !(n > 0 && n < 0.5)) throw new UsageError(`invalid --alpha "${raw}": expected a significance level between 0 and 0.5 (exclusive), e.g. 0.01`);
  return n;
}

export function pairedTestOption(raw: string): PairedTest {
  const t = PAIRED_TESTS.find((x) => x === raw);
  if (!t) throw new UsageError(`invalid --paired-test "${raw}": expected one of ${PAIRED_TESTS.join(', ')}`);
  return t;
}

export const PAIRED_TEST_HELP = `test over interleaved rounds: ${PAIRED_TESTS.join(' or ')} (paired-yuen: the 20%-trimmed mean of the per-round log ratios, which one stray round neither moves nor widens; it trims from 5 rounds on)`;

export function testOption(raw: string): SignificanceTest {
  const t = SIGNIFICANCE_TESTS.find((x) => x === raw);
  if (!t) throw new UsageError(`invalid --test "${raw}": expected one of ${SIGNIFICANCE_TESTS.join(', ')}`);
  return t;
}

/** compare.md, compare.json and compare.html into `out`: what bench compare and bench ab both write. */
export function writeCompareFiles(out: string, comparison: Comparison): string[] {
  mkdirSync(out, { recursive: true });
  const exporters: Array<[string, (c: Comparison) => string]> = [
    ['compare.md', compareMarkdown],
    ['compare.json', compareJson],
    ['compare.html', compareHtml],
  ];
  return exporters.map(([name, render]) => {
    const file = join(out, name);
    writeFileAtomic(file, render(comparison));
    return file;
  });
}

/** The comparison on the terminal, in ASCII when asked or when the locale cannot show emoji. */
export function printComparison(comparison: Comparison, ascii: boolean | undefined): void {
  process.stdout.write(compareTerminal(comparison, { ascii: ascii === true || !localeIsUtf8() }));
}

/** Two targets of one run (--base-target, --head-target): split into two sides under one name. */
function sides(basePath: string, headPath: string, flags: CompareFlags): { base: Results; head: Results; labels: { base: string; head: string }; dir: string } {
  const base = loadResults(basePath, 'base');
  if (flags.baseTarget === undefined && flags.headTarget === undefined) {
    const head = loadResults(headPath, 'head');
    return { base: base.results, head: head.results, labels: { base: base.file, head: head.file }, dir: head.dir };
  }
  if (!flags.baseTarget || !flags.headTarget) throw new UsageError('--base-target and --head-target go together: name the two targets of the run to compare');
  if (resolve(basePath) !== resolve(headPath)) throw new UsageError('--base-target and --head-target compare two targets of one run: give the same run folder as base and head');
  const names = targetNames(base.results);
  for (const [flag, t] of [['--base-target', flags.baseTarget], ['--head-target', flags.headTarget]] as const) {
    if (!names.includes(t)) throw new UsageError(`invalid ${flag} "${t}": the run has ${names.join(', ') || 'no targets'}`);
  }
  const split = splitByTarget(base.results, flags.baseTarget, flags.headTarget, `${flags.headTarget} vs ${flags.baseTarget}`);
  return { ...split, labels: { base: `${base.file} ${flags.baseTarget}`, head: `${base.file} ${flags.headTarget}` }, dir: base.dir };
}

export function runCompare(basePath: string, headPath: string, flags: CompareFlags): { comparison: Comparison; files: string[] } {
  const { base, head, labels, dir } = sides(basePath, headPath, flags);
  const minEffects = parseMinEffects(flags.threshold);
  const opts = { alpha: flags.alpha, test: flags.test, pairedTest: flags.pairedTest, minEffects, failOnUncertain: flags.failOnUncertain ?? false, pairing: flags.unpaired ? ('off' as const) : ('auto' as const) };
  const comparison = compareResults(base, head, opts, labels);
  return { comparison, files: writeCompareFiles(flags.out ?? dir, comparison) };
}

export function registerCompare(program: Command, setExit: (code: number) => void): void {
  program
    .command('compare')
    .description('compare two runs per target and metric; exit 1 on a regression (the CI gate)')
    .argument('<base>', 'baseline results.json or run folder')
    .argument('<head>', 'new results.json or run folder')
    .option('--base-target <name>', 'compare two targets of one interleaved run (give its folder as base and head): the base target')
    .option('--head-target <name>', 'the head target of that run; trial i of each is paired with trial i of the other')
    .option('--unpaired', 'use the unpaired --test even where base and head ran interleaved (the paired test is chosen from the data otherwise)')
    .option('--threshold <list>', 'minimum effects, e.g. p99=+15%,rps=-5% (defaults: latency 10%, CPU per request 3%, rps 5%, RSS 10%, errors 1 pp)')
    .option('--alpha <p>', 'significance level of the test, 0..0.5', alphaOption, DEFAULT_ALPHA)
    .option('--test <name>', `test over trials: ${SIGNIFICANCE_TESTS.join(' or ')} (welch: t-test on log values; yuen: trimmed t-test on log values, for 10+ trials; mann-whitney: exact rank test, needs 5+ trials per side)`, testOption, DEFAULT_TEST)
    .option('--paired-test <name>', PAIRED_TEST_HELP, pairedTestOption, DEFAULT_PAIRED_TEST)
    .option('-o, --out <dir>', 'where compare.md, compare.json and compare.html go (default: the head folder)')
    .option('--fail-on-uncertain', 'exit 1 when any metric is uncertain (too noisy to judge), not only on a regression')
    .option('--ascii', 'plain ASCII output, no emoji (the default when the locale is not UTF-8)')
    .action((basePath: string, headPath: string, flags: CompareFlags) => {
      const { comparison, files } = runCompare(basePath, headPath, flags);
      printComparison(comparison, flags.ascii);
      process.stdout.write(`\nwrote ${files.join(', ')}\n`);
      setExit(comparison.gate === 'fail' ? EXIT_FAILED : EXIT_OK);
    });
}

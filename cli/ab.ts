// bench ab <scenario> --base CMD --head CMD: two builds of your service in one job, interleaved,
// then the gate (as bench compare) between them. Exit 1 on a regression or a failed run, 0
// otherwise, 2 on bad input. Writes the run folder plus compare.md, compare.json and compare.html.
import type { Command } from 'commander';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../common/errors.js';
import { AB_BASE, AB_HEAD, runAb } from '../harness/ab.js';
import { buildPlan } from '../harness/plan.js';
import { defaultOutDir, writeResultsFolder } from './results-folder.js';
import { DEFAULT_ALPHA, DEFAULT_PAIRED_TEST, DEFAULT_TEST, SIGNIFICANCE_TESTS, type PairedTest, type SignificanceTest } from '../analysis/compare.js';
import { parseMinEffects } from '../analysis/min-effects.js';
import { terminalSummary } from '../reports/terminal.js';
import { loadScenario } from '../scenarios/source.js';
import { PAIRED_TEST_HELP, alphaOption, pairedTestOption, printComparison, testOption, writeCompareFiles } from './compare.js';
import { intOption, secondsOption } from './options.js';
import { RATE_HELP, rateOption } from './workload-flags.js';
import { openRunSession } from './run-session.js';
import { addCommandOptions, type ServeFlags } from './serve-flags.js';

interface AbFlags extends ServeFlags {
  base: string;
  head: string;
  baseCwd?: string;
  headCwd?: string;
  trials: number;
  maxTrials?: number;
  duration?: number;
  connections?: number;
  rate?: number;
  pin?: boolean;
  warmup?: number;
  out?: string;
  readyTimeout: number;
  requestTimeout: number;
  threshold?: string;
  alpha: number;
  test: SignificanceTest;
  pairedTest: PairedTest;
  failOnUncertain?: boolean;
  ascii?: boolean;
}

export const DEFAULT_AB_TRIALS = 5;

export function registerAb(program: Command, setExit: (code: number) => void): void {
  addCommandOptions(program.command('ab'))
    .description('A/B two builds of your service in one job (interleaved trials), then gate: exit 1 on a regression')
    .argument('<scenario>', 'a built-in scenario name or a path to your own scenario file')
    .requiredOption('--base <command>', 'the command that serves the base build, e.g. "node base/server.js {port}"')
    .requiredOption('--head <command>', 'the command that serves the head build')
    .option('--base-cwd <dir>', 'working directory of the base command (default --serve-cwd, else here)')
    .option('--head-cwd <dir>', 'working directory of the head command (default --serve-cwd, else here)')
    .option('--trials <n>', 'trials per side, interleaved, 3..100 (the paired test needs 3 rounds)', intOption('--trials', 3, 100), DEFAULT_AB_TRIALS)
    .option('--max-trials <n>', 'sequential cap: while the gate is uncertain (and nothing regressed), run --trials more rounds, up to this many per side, each look at alpha / looks; default --trials (one look), 3..100', intOption('--max-trials', 3, 100))
    .option('-d, --duration <seconds>', 'measured window per trial, 1..3600 s (constant executors)', secondsOption('--duration', 1, 3600))
    .option('-c, --connections <n>', 'closed-model connections (VUs), 1..10000', intOption('--connections', 1, 10000))
    .option('--rate <n>', `${RATE_HELP}; a fixed rate keeps base and head at one load level, which steadies CPU per request`, rateOption)
    .option('--pin', 'put the generator and the commands on separate cores (taskset)')
    .option('-w, --warmup <seconds>', 'warm-up before measuring, not recorded, 0..600 s', secondsOption('--warmup', 0, 600))
    .option('-o, --out <dir>', 'run folder (default results/<timestamp>-<scenario>)')
    .option('--ready-timeout <seconds>', 'time a command may take to become ready, 1..300 s', secondsOption('--ready-timeout', 1, 300), 30)
    .option('--request-timeout <seconds>', 'per-request timeout, 0.1..120 s', secondsOption('--request-timeout', 0.1, 120), 10)
    .option('--threshold <list>', 'minimum effects, as bench compare, e.g. p99=+15%,rps=-5%')
    .option('--alpha <p>', 'significance level, 0..0.5', alphaOption, DEFAULT_ALPHA)
    .option('--test <name>', `the unpaired test of bench compare: ${SIGNIFICANCE_TESTS.join(', ')}; unused here, where both sides run interleaved and --paired-test decides`, testOption, DEFAULT_TEST)
    .option('--paired-test <name>', PAIRED_TEST_HELP, pairedTestOption, DEFAULT_PAIRED_TEST)
    .option('--fail-on-uncertain', 'exit 1 when any metric is uncertain (too noisy to judge), not only on a regression')
    .option('--ascii', 'plain ASCII output, no emoji (the default when the locale is not UTF-8)')
    .action(async (scenarioArg: string, flags: AbFlags) => {
      if (flags.maxTrials !== undefined && flags.maxTrials < flags.trials) throw new UsageError(`invalid --max-trials ${flags.maxTrials}: expected at least --trials (${flags.trials})`);
      const { scenario, source: scenarioSource } = await loadScenario(scenarioArg);
      const out = flags.out ?? defaultOutDir(scenario.name);
      const cwdOf = (own?: string) => own ?? flags.serveCwd;
      const side = (name: string, command: string, cwd?: string) => ({ name, command, flag: `--${name}`, ...(cwdOf(cwd) ? { cwd: cwdOf(cwd)! } : {}) });
      const minEffects = parseMinEffects(flags.threshold);
      const { serveCwd: _cwd, ...commandFlags } = flags;
      const plan = await buildPlan({
        ...commandFlags,
        scenario,
        scenarioSource,
        commands: [side(AB_BASE, flags.base, flags.baseCwd), side(AB_HEAD, flags.head, flags.headCwd)],
        durationS: flags.duration,
        warmupS: flags.warmup,
        readyTimeoutS: flags.readyTimeout,
        requestTimeoutS: flags.requestTimeout,
        verify: false,
        outDir: out,
        command: ['bench', ...process.argv.slice(2)],
        recorded: { ...flags },
      });

      const session = openRunSession(out);
      try {
        const { results, comparison, looks } = await runAb(plan, { alpha: flags.alpha, test: flags.test, pairedTest: flags.pairedTest, minEffects, failOnUncertain: flags.failOnUncertain === true }, session.events, session.signal, flags.maxTrials);
        session.detachProgress();
        const files = writeResultsFolder(out, results);
        process.stdout.write(terminalSummary(results));
        if (!comparison) {
          const failed = results.runs.filter((r) => r.status !== 'ok').map((r) => `${r.target} #${r.trial}: ${r.error ?? r.status}`);
          const skipped = results.skipped.map((s) => `${s.target}: ${s.reason}`);
          process.stderr.write(`error: no gate: not every run succeeded\n  ${[...failed, ...skipped].join('\n  ')}\n`);
          process.stdout.write(`\nresults: ${files.join(', ')}\n`);
          setExit(EXIT_FAILED);
          return;
        }
        const compareFiles = writeCompareFiles(out, comparison);
        process.stdout.write(looks.length > 1 ? `\nsequential: looked after ${looks.join(', ')} rounds (each at alpha ${comparison.alpha.toPrecision(2)})\n` : '\n');
        printComparison(comparison, flags.ascii);
        process.stdout.write(`\nresults: ${[...files, ...compareFiles].join(', ')}\n`);
        setExit(comparison.gate === 'fail' ? EXIT_FAILED : EXIT_OK);
      } finally {
        session.close();
      }
    });
}

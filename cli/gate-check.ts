// bench gate-check: how good is the gate on this machine? Flags in, a plan out; the
// experiment itself is harness/gate/experiment.ts, its text reports/gate.ts.
import { join } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../common/atomic-write.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../common/errors.js';
import { BenchmarkEvents } from '../harness/events.js';
import { runGateExperiment } from '../harness/gate/experiment.js';
import { judgeRuns, summarizeGate, type GateOutcome, type GateSummary } from '../harness/gate/judge.js';
import { loadGateRuns } from '../harness/gate/runs.js';
import { buildPlan } from '../harness/plan.js';
import { defaultOutDir } from './results-folder.js';
import { DEFAULT_ALPHA, DEFAULT_TEST, SIGNIFICANCE_TESTS, type SignificanceTest } from '../analysis/compare.js';
import { gateReport, outcomeLine } from '../reports/gate.js';
import { jsonExport } from '../reports/json.js';
import type { WarmupLoad } from '../scenarios/executor.js';
import { alphaOption, testOption } from './compare.js';
import { intOption, numberOption, oneTarget, secondsOption } from './options.js';
import { loadScenario } from '../scenarios/source.js';
import { onInterrupt } from './signals.js';
import { addPlaybookOptions, playbookRequest, type PlaybookFlags } from './switch-flags.js';
import { WARMUP_LOAD_HELP, rateOption, warmupLoadOption } from './workload-flags.js';

interface GateCheckFlags extends PlaybookFlags {
  target: string;
  comparisons: number;
  trials: number;
  duration: number;
  warmup: number;
  warmupLoad: WarmupLoad;
  slowdown: number;
  injectCpuUs?: number;
  rate?: number;
  order: 'interleaved' | 'sequential';
  test: SignificanceTest;
  alpha: number;
  pin?: boolean;
  out?: string;
  from?: string;
}

/** Summary of the chosen test and of the others on the same runs, written as NAME.json and NAME.txt, and printed. */
function finish(out: string, outcomes: GateOutcome[], test: SignificanceTest, meta: Pick<GateSummary, 'baseCpuMsPerRequest' | 'trialsPerSide' | 'order' | 'alpha'>, name = 'gate-check'): void {
  const summary = summarizeGate(outcomes, test, meta);
  const others = SIGNIFICANCE_TESTS.filter((t) => t !== test).map((t) => summarizeGate(outcomes, t, meta));
  const text = gateReport(summary, outcomes, others);
  writeFileAtomic(join(out, `${name}.json`), JSON.stringify({ summary, others, outcomes }, null, 2) + '\n');
  writeFileAtomic(join(out, `${name}.txt`), text);
  process.stdout.write(text);
  process.stdout.write(`\nruns: ${out}\nsummary: ${join(out, `${name}.txt`)}\n`);
}

/** --from's summary file name: its own per test and alpha, so judging again never overwrites the run's own summary. */
function rejudgedName(test: SignificanceTest, alpha: number): string {
  return `gate-check.from-${test}-alpha-${alpha}`;
}

function orderOption(raw: string): GateCheckFlags['order'] {
  if (raw !== 'interleaved' && raw !== 'sequential') throw new UsageError(`invalid --order "${raw}": expected interleaved or sequential`);
  return raw;
}

export function registerGateCheck(program: Command, setExit: (code: number) => void): void {
  addPlaybookOptions(program.command('gate-check'))
    .description('measure the regression gate: false-alarm rate (A/A) and detection rate (A/B with injected CPU)')
    .argument('[scenario]', 'scenario to run', 'smoke')
    .option('-t, --target <name>', 'the target to test the gate on', 'monolith-fastify')
    .option('-n, --comparisons <n>', 'A/A and A/B comparisons each, 1..200', intOption('--comparisons', 1, 200), 20)
    .option('--trials <n>', 'trials per side of each comparison, 2..50', intOption('--trials', 2, 50), 5)
    // Defaults are the configuration measured in README ("The gate"), so that a bare
    // `bench gate-check smoke --pin` reproduces those figures.
    .option('-d, --duration <seconds>', 'measured window of each trial, 1..600 s', secondsOption('--duration', 1, 600), 3)
    .option('-w, --warmup <seconds>', 'warm-up of each trial, 0..600 s', secondsOption('--warmup', 0, 600), 2)
    .option('--warmup-load <load>', WARMUP_LOAD_HELP, warmupLoadOption, 'max')
    .option('--slowdown <pct>', 'slowdown of B in CPU per request, percent of A as the runs measure it (the busy work is steered to it), 1..1000', numberOption('--slowdown', 1, 1000, 'percent'), 15)
    .option('--inject-cpu-us <n>', 'B\'s busy work per request in microseconds (instead of --slowdown), 1..1000000', intOption('--inject-cpu-us', 1, 1_000_000))
    .option('--rate <n>', 'run at a fixed arrival rate (open model): CPU per request then does not swing with throughput as it does at saturation', rateOption)
    .option('--order <order>', 'interleaved (A A\' B A A\' B ...) or sequential (all A, all A\', all B)', orderOption, 'interleaved')
    .option('--test <name>', `test the gate uses: ${SIGNIFICANCE_TESTS.join(' or ')} (the others are judged on the same runs and summarised too)`, testOption, DEFAULT_TEST)
    .option('--alpha <p>', 'significance level the comparisons use, as `bench compare --alpha`, 0..0.5', alphaOption, DEFAULT_ALPHA)
    .option('--pin', 'put the generator and the targets on separate cores (taskset), as `bench run --pin`')
    .option('-o, --out <dir>', 'folder for every run and the summary (default results/<timestamp>-gate-check)')
    .option('--from <dir>', "judge an earlier gate-check's runs again (e.g. with another --test or --alpha) instead of running; writes gate-check.from-<test>-alpha-<alpha>.{txt,json} there, leaving the run's own summary as it was")
    .action(async (scenarioArg: string, flags: GateCheckFlags) => {
      if (flags.from) {
        const { runs, meta } = loadGateRuns(flags.from, flags.target);
        finish(flags.from, runs.flatMap((r) => judgeRuns(r, flags.alpha)), flags.test, { ...meta, alpha: flags.alpha }, rejudgedName(flags.test, flags.alpha));
        setExit(EXIT_OK);
        return;
      }
      const { scenario, source: scenarioSource } = await loadScenario(scenarioArg);
      const spec = oneTarget(flags.target);
      const plan = await buildPlan({
        ...playbookRequest(flags),
        scenario,
        scenarioSource,
        targets: [spec.name],
        durationS: flags.duration,
        warmupS: flags.warmup,
        warmupLoad: flags.warmupLoad,
        rate: flags.rate,
        trials: flags.trials,
        verify: false,
        pin: flags.pin === true,
        command: ['bench', ...process.argv.slice(2)],
      });
      const out = flags.out ?? defaultOutDir('gate-check');
      const controller = new AbortController();
      const release = onInterrupt(controller);
      try {
        const { outcomes, meta } = await runGateExperiment(
          {
            plan,
            comparisons: flags.comparisons,
            slowdownPct: flags.slowdown,
            ...(flags.injectCpuUs !== undefined ? { injectCpuUs: flags.injectCpuUs } : {}),
            order: flags.order,
            alpha: flags.alpha,
            onResults: (label, results) => writeFileAtomic(join(out, label, 'results.json'), jsonExport(results)),
            onLine: (line) => process.stderr.write(`${line}\n`),
            onOutcome: (o) => {
              if (o.test === flags.test) process.stderr.write(`${outcomeLine(o)}\n`);
            },
          },
          new BenchmarkEvents(),
          controller.signal,
        );
        finish(out, outcomes, flags.test, { ...meta, alpha: flags.alpha });
        setExit(controller.signal.aborted ? EXIT_FAILED : EXIT_OK);
      } finally {
        release();
      }
    });
}

// bench gate-check: how good is the gate on this machine? Flags in, a plan out; the
// experiment itself is harness/gate/experiment.ts, its text reports/gate.ts.
import { join } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../common/atomic-write.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../common/errors.js';
import { BenchmarkEvents } from '../harness/events.js';
import { runGateExperiment } from '../harness/gate/experiment.js';
import { GATE_TESTS, isPairedTest, judgeRuns, summarizeGate, type GateOutcome } from '../harness/gate/judge.js';
import type { GateTest } from '../record/gate.js';
import { planLooks } from '../analysis/sequential.js';
import { loadGateRuns } from '../harness/gate/runs.js';
import { buildPlan } from '../harness/plan.js';
import { defaultOutDir } from './results-folder.js';
import { DEFAULT_ALPHA, DEFAULT_MIN_EFFECTS } from '../analysis/compare.js';
import { gateReport, outcomeLine } from '../reports/gate.js';
import { jsonExport } from '../reports/json.js';
import type { WarmupLoad } from '../scenarios/executor.js';
import { alphaOption } from './compare.js';
import { intOption, numberOption, oneTarget, secondsOption } from './options.js';
import { loadScenario } from '../scenarios/source.js';
import { onInterrupt } from './signals.js';
import { addPlaybookOptions, playbookRequest, type PlaybookFlags } from './switch-flags.js';
import { WARMUP_LOAD_HELP, rateOption, warmupLoadOption } from './workload-flags.js';

interface GateCheckFlags extends PlaybookFlags {
  target: string;
  comparisons: number;
  trials: number;
  maxTrials?: number;
  minEffect: number;
  probeRounds: number;
  force?: boolean;
  duration: number;
  warmup: number;
  warmupLoad: WarmupLoad;
  slowdown: number;
  injectCpuUs?: number;
  rate?: number;
  order: 'interleaved' | 'sequential';
  test: GateTest;
  alpha: number;
  pin?: boolean;
  out?: string;
  from?: string;
}

/** Summary of the chosen test and of the others on the same runs, written as NAME.json and NAME.txt, and printed. */
function finish(out: string, outcomes: GateOutcome[], test: GateTest, meta: Parameters<typeof summarizeGate>[2], name = 'gate-check'): void {
  const summary = summarizeGate(outcomes, test, meta);
  const others = GATE_TESTS.filter((t) => t !== test && outcomes.some((o) => o.test === t)).map((t) => summarizeGate(outcomes, t, meta));
  const text = gateReport(summary, outcomes, others);
  writeFileAtomic(join(out, `${name}.json`), JSON.stringify({ summary, others, outcomes }, null, 2) + '\n');
  writeFileAtomic(join(out, `${name}.txt`), text);
  process.stdout.write(text);
  process.stdout.write(`\nruns: ${out}\nsummary: ${join(out, `${name}.txt`)}\n`);
}

/** --from's summary file name: its own per test and alpha, so judging again never overwrites the run's own summary. */
function rejudgedName(test: GateTest, alpha: number): string {
  return `gate-check.from-${test}-alpha-${alpha}`;
}

function gateTestOption(raw: string): GateTest {
  const t = GATE_TESTS.find((x) => x === raw);
  if (!t) throw new UsageError(`invalid --test "${raw}": expected one of ${GATE_TESTS.join(', ')}`);
  return t;
}

function minEffectOption(raw: string): number {
  const n = Number(raw.replace(/%$/, ''));
  if (raw.trim() === '' || !(n > 0 && n <= 100)) throw new UsageError(`invalid --min-effect "${raw}": expected a percentage above 0 and at most 100, e.g. 3`);
  return n / 100;
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
    .option('--trials <n>', 'trials per side at the first look of each comparison, 3..50', intOption('--trials', 3, 50), 5)
    .option('--max-trials <n>', 'sequential cap: while a comparison is UNKNOWN, add --trials rounds up to this many per side, each look at alpha / looks (interleaved only), 3..200 (default: 2 x --trials)', intOption('--max-trials', 3, 200))
    .option('--min-effect <pct>', `minimum effect for CPU per request, percent, as bench compare --threshold cpu=+N% (default ${DEFAULT_MIN_EFFECTS.cpuMsPerRequest * 100})`, minEffectOption, DEFAULT_MIN_EFFECTS.cpuMsPerRequest)
    .option('--probe-rounds <n>', 'A/A rounds of the host-noise probe before the comparisons (0: no probe), 0 or 3..50', intOption('--probe-rounds', 0, 50), 4)
    .option('--force', 'run even when the probe finds that the machine cannot resolve --min-effect with --max-trials')
    // Defaults are the configuration measured in README ("The gate"), so that a bare
    // `bench gate-check smoke --pin` reproduces those figures.
    .option('-d, --duration <seconds>', 'measured window of each trial, 1..600 s', secondsOption('--duration', 1, 600), 3)
    .option('-w, --warmup <seconds>', 'warm-up of each trial, 0..600 s', secondsOption('--warmup', 0, 600), 2)
    .option('--warmup-load <load>', WARMUP_LOAD_HELP, warmupLoadOption, 'max')
    .option('--slowdown <pct>', 'slowdown of B in CPU per request, percent of A as the runs measure it (the busy work is steered to it), 1..1000', numberOption('--slowdown', 1, 1000, 'percent'), 15)
    .option('--inject-cpu-us <n>', 'B\'s busy work per request in microseconds (instead of --slowdown), 1..1000000', intOption('--inject-cpu-us', 1, 1_000_000))
    .option('--rate <n>', 'run at a fixed arrival rate (open model): CPU per request then does not swing with throughput as it does at saturation', rateOption)
    .option('--order <order>', 'interleaved (A A\' B A A\' B ...) or sequential (all A, all A\', all B)', orderOption, 'interleaved')
    .option('--test <name>', `test the gate uses: ${GATE_TESTS.join(' or ')} (the paired ones decide each look of interleaved runs, sequentially: paired-yuen trims the 20% most extreme pairs; the others are judged on the same runs and summarised too)`, gateTestOption, 'paired-t')
    .option('--alpha <p>', 'significance level the comparisons use, as `bench compare --alpha`, 0..0.5', alphaOption, DEFAULT_ALPHA)
    .option('--pin', 'put the generator and the targets on separate cores (taskset), as `bench run --pin`')
    .option('-o, --out <dir>', 'folder for every run and the summary (default results/<timestamp>-gate-check)')
    .option('--from <dir>', "judge an earlier gate-check's runs again (e.g. with another --test or --alpha) instead of running; writes gate-check.from-<test>-alpha-<alpha>.{txt,json} there, leaving the run's own summary as it was")
    .action(async (scenarioArg: string, flags: GateCheckFlags) => {
      if (flags.from) {
        const { runs, meta } = loadGateRuns(flags.from, flags.target);
        // Judged once on every round each comparison ran, at the per-look alpha of its plan.
        const lookAlpha = planLooks(meta.trialsPerSide, Math.max(meta.trialsPerSide, meta.maxTrials ?? meta.trialsPerSide), flags.alpha).lookAlpha;
        const opts = { alpha: lookAlpha, minEffects: { ...DEFAULT_MIN_EFFECTS, cpuMsPerRequest: flags.minEffect } };
        finish(flags.from, runs.flatMap((r) => judgeRuns(r, opts)), flags.test, { ...meta, alpha: flags.alpha, lookAlpha, minEffect: flags.minEffect }, rejudgedName(flags.test, flags.alpha));
        setExit(EXIT_OK);
        return;
      }
      if (flags.probeRounds > 0 && flags.probeRounds < 3) throw new UsageError(`invalid --probe-rounds ${flags.probeRounds}: expected 0 (no probe) or 3..50 (a spread needs 3 rounds)`);
      const maxTrials = flags.maxTrials ?? (flags.order === 'interleaved' ? 2 * flags.trials : flags.trials);
      if (maxTrials < flags.trials) throw new UsageError(`invalid --max-trials ${maxTrials}: expected at least --trials (${flags.trials})`);
      if (flags.order === 'sequential' && isPairedTest(flags.test)) throw new UsageError(`--test ${flags.test} needs --order interleaved (sequential runs are separate jobs and cannot be paired); use --test welch`);
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
            pairedTest: isPairedTest(flags.test) ? flags.test : 'paired-t',
            alpha: flags.alpha,
            maxTrials,
            minEffect: flags.minEffect,
            probeRounds: flags.probeRounds,
            force: flags.force === true,
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

// bench gate-check: how good is the gate on this machine? Runs A/A comparisons (same code
// twice: any regression is a false alarm) and A/B comparisons (B burns a known amount of CPU
// per request: a regression is a detection), and prints both rates.
//
// Each comparison gets its own fresh runs: base A, head A' (A/A) and head B (A/B), --trials
// each. Comparisons never share runs, so the outcomes within each rate are independent; the
// A/A and A/B of one comparison share their base, which correlates the two rates with each
// other without biasing either. --order interleaved (default) runs A A' B A A' B ... as
// `bench run --trials` does for targets, so slow machine drift hits all three alike;
// --order sequential runs 5 x A, then 5 x A', then 5 x B, as two separate CI jobs would,
// and so also counts drift between the jobs against the gate.
import { join } from 'node:path';
import type { Command } from 'commander';
import { runBenchmark } from '../harness/benchmark.js';
import { writeFileAtomic } from '../common/atomic-write.js';
import { placeProcesses } from '../harness/placement.js';
import { BenchmarkEvents } from '../harness/events.js';
import { CompareInputError, DEFAULT_ALPHA, DEFAULT_MIN_EFFECTS, DEFAULT_TEST, SIGNIFICANCE_TESTS, compareResults, type Comparison, type SignificanceTest } from '../reports/compare/compare.js';
import { jsonExport } from '../reports/json.js';
import type { Results } from '../record/results.js';
import { median } from '../reports/stats.js';
import type { ExecutorConfig, WarmupLoad } from '../scenarios/executor.js';
import type { TargetSpec } from '../targets/target.js';
import { alphaOption, testOption } from './compare.js';
import { loadGateRuns, sideOf } from './gate-runs.js';
import { applyOverrides } from './run.js';
import { WARMUP_LOAD_HELP, applyRate, rateOption, warmupLoadOption } from './workload-flags.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../common/errors.js';
import { intOption, numberOption, oneTarget, secondsOption } from './options.js';
import { loadScenario } from './scenario-loader.js';
import { defaultOutDir } from './results-folder.js';
import { onInterrupt } from './signals.js';

interface GateCheckFlags {
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

export interface GateOutcome {
  index: number;
  kind: 'A/A' | 'A/B';
  test: SignificanceTest;
  /** Busy work in the head's target (0 in A/A). */
  injectCpuUs: number;
  /** Head median over base median of CPU per request, minus 1: the slowdown the runs really show. */
  cpuChange: number | null;
  /** null when the comparison was unusable (failed runs). */
  regressed: string[] | null;
  note?: string;
}

export interface GateSummary {
  test: SignificanceTest;
  alpha: number;
  comparisons: number;
  falseAlarms: number;
  detections: number;
  unusable: number;
  /** Median of the per-comparison injections (each sized on the base measured just before, steered to the asked slowdown). */
  injectCpuUs: number;
  baseCpuMsPerRequest: number;
  /** Median over A/B comparisons of the CPU-per-request change B showed against A. */
  medianCpuChangeAB: number | null;
  /** The same over A/A comparisons: the gate's noise floor. */
  medianCpuChangeAA: number | null;
  trialsPerSide: number;
  order: 'interleaved' | 'sequential';
}

/** Which metrics regressed, e.g. "cpuMsPerRequest +16.1%". */
export function regressedMetrics(c: Comparison): string[] {
  return c.targets.flatMap((t) =>
    t.metrics.filter((m) => m.verdict === 'regressed').map((m) => `${m.label} ${m.ratio ? `${((m.ratio.median - 1) * 100).toFixed(1)}%` : ''}`.trim()),
  );
}

const medianOrNull = (xs: Array<number | null>): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? median(v) : null;
};

export function summarizeGate(all: GateOutcome[], test: SignificanceTest, meta: Pick<GateSummary, 'baseCpuMsPerRequest' | 'trialsPerSide' | 'order' | 'alpha'>): GateSummary {
  const outcomes = all.filter((o) => o.test === test);
  const aa = outcomes.filter((o) => o.kind === 'A/A');
  const ab = outcomes.filter((o) => o.kind === 'A/B');
  return {
    test,
    injectCpuUs: medianOrNull(ab.map((o) => o.injectCpuUs)) ?? 0,
    medianCpuChangeAB: medianOrNull(ab.map((o) => o.cpuChange)),
    medianCpuChangeAA: medianOrNull(aa.map((o) => o.cpuChange)),
    comparisons: aa.length,
    falseAlarms: aa.filter((o) => o.regressed && o.regressed.length > 0).length,
    detections: ab.filter((o) => o.regressed && o.regressed.length > 0).length,
    unusable: outcomes.filter((o) => o.regressed === null).length,
    ...meta,
  };
}

const signedPct = (x: number | null) => (x === null ? '-' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);

export function outcomeLine(o: GateOutcome): string {
  const shown = `CPU/req ${signedPct(o.cpuChange)}${o.kind === 'A/B' ? ` with ${o.injectCpuUs} us injected` : ''}`;
  return `${String(o.index).padStart(2)} ${o.kind} (${shown}): ${o.regressed === null ? `unusable (${o.note ?? ''})` : o.regressed.length ? `REGRESSION: ${o.regressed.join(', ')}` : 'no regression'}`;
}

const pct = (n: number, of: number) => `${((n / Math.max(1, of)) * 100).toFixed(0)}%`;

/** The report of the chosen test, then one line per other test judged on the same runs. */
export function gateReport(s: GateSummary, outcomes: GateOutcome[], others: GateSummary[] = []): string {
  const lines = [
    `gate-check: ${s.comparisons} A/A and ${s.comparisons} A/B comparisons, ${s.trialsPerSide} trials per side, ${s.order}, ${s.test} test at alpha ${s.alpha}`,
    `slowdown injected in B: median ${s.injectCpuUs} us of CPU per request (calibration: ${s.baseCpuMsPerRequest.toFixed(3)} CPU ms/request); B's CPU per request against A, median over comparisons: ${signedPct(s.medianCpuChangeAB)} (A' against A: ${signedPct(s.medianCpuChangeAA)})`,
    '',
    ...outcomes.filter((o) => o.test === s.test).map(outcomeLine),
    '',
    `false alarms: ${s.falseAlarms} of ${s.comparisons} A/A (${pct(s.falseAlarms, s.comparisons)})`,
    `detections:   ${s.detections} of ${s.comparisons} A/B (${pct(s.detections, s.comparisons)})`,
  ];
  if (s.unusable) lines.push(`unusable comparisons (runs failed): ${s.unusable}`);
  for (const o of others) {
    lines.push(`same runs, ${o.test} test: ${o.falseAlarms} false alarm(s) of ${o.comparisons} A/A, ${o.detections} detection(s) of ${o.comparisons} A/B`);
  }
  return lines.join('\n') + '\n';
}

/** The three sides of one comparison: base A, head A' (the same code) and head B (A plus busy work). */
export interface GateRuns {
  index: number;
  injectCpuUs: number;
  base: Results;
  same: Results;
  slower: Results;
}

const cpuOf = (r: Results) => r.runs.map((x) => x.cpuMsPerRequest).filter((v): v is number => v !== null);

export function cpuChange(base: Results, head: Results): number | null {
  const a = cpuOf(base);
  const b = cpuOf(head);
  return a.length && b.length && median(a) > 0 ? median(b) / median(a) - 1 : null;
}

/** A/A and A/B of one comparison, judged by every test, as `bench compare` would. */
export function judgeRuns(r: GateRuns, alpha = DEFAULT_ALPHA): GateOutcome[] {
  const judge = (kind: GateOutcome['kind'], test: SignificanceTest, injectCpuUs: number, head: Results): GateOutcome => {
    const shell = { index: r.index, kind, test, injectCpuUs, cpuChange: cpuChange(r.base, head) };
    try {
      return { ...shell, regressed: regressedMetrics(compareResults(r.base, head, { alpha, minEffects: DEFAULT_MIN_EFFECTS, test })) };
    } catch (err) {
      if (err instanceof CompareInputError) return { ...shell, regressed: null, note: err.message.split('\n')[0]! };
      throw err;
    }
  };
  return SIGNIFICANCE_TESTS.flatMap((test) => [judge('A/A', test, 0, r.same), judge('A/B', test, r.injectCpuUs, r.slower)]);
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

/** The same target with its own per-request CPU injection, under its own name while it runs. */
function variant(spec: TargetSpec, injectCpuUs: number, name = spec.name): TargetSpec {
  return { ...spec, name, start: (ctx) => spec.start({ ...ctx, options: { ...ctx.options, injectCpuUs } }) };
}

function orderOption(raw: string): GateCheckFlags['order'] {
  if (raw !== 'interleaved' && raw !== 'sequential') throw new UsageError(`invalid --order "${raw}": expected interleaved or sequential`);
  return raw;
}

export function registerGateCheck(program: Command, setExit: (code: number) => void): void {
  program
    .command('gate-check')
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
      const scenario = await loadScenario(scenarioArg);
      const spec = oneTarget(flags.target);
      const executor: ExecutorConfig = applyRate(applyOverrides(scenario.executor, { duration: flags.duration }), flags.rate);
      const out = flags.out ?? defaultOutDir('gate-check');
      const placement = placeProcesses(flags.pin === true);
      const controller = new AbortController();
      const release = onInterrupt(controller);
      const events = new BenchmarkEvents();
      const measure = async (targets: TargetSpec[], label: string, injectCpuUs?: number): Promise<Results> => {
        const results = await runBenchmark(
          {
            scenario,
            targets,
            executor,
            warmupMs: flags.warmup * 1000,
            warmupLoad: flags.warmupLoad,
            trials: flags.trials,
            verify: 'never',
            allowRemote: false,
            host: '127.0.0.1',
            targetOptions: placement.targetCpus ? { cpus: placement.targetCpus } : {},
            readyTimeoutMs: 30_000,
            requestTimeoutMs: 10_000,
            baseline: targets[0]!.name,
            command: ['bench', ...process.argv.slice(2)],
            recordedOptions: { gateCheck: label, target: spec.name, scenario: scenario.name, executor, ...(injectCpuUs !== undefined ? { injectCpuUs } : {}), trialsPerSide: flags.trials },
            placement: placement.description,
          },
          events,
          controller.signal,
        );
        writeFileAtomic(join(out, label, 'results.json'), jsonExport(results));
        return results;
      };
      try {
        // Calibrate: the slowdown is sized on this machine's measured CPU per request. The
        // machine drifts (one session here measured 0.127 ms, the next ones 0.085), so each
        // comparison re-sizes it on the base trials measured last; --inject-cpu-us fixes it.
        const calibration = await measure([variant(spec, 0)], 'calibration');
        const recentBase = cpuOf(calibration);
        if (recentBase.length === 0) throw new Error(`calibration of ${spec.name} measured no CPU per request: ${calibration.runs.map((r) => r.error ?? r.status).join('; ')}`);
        const baseCpu = median(recentBase);
        // Busy work does not add its own length to CPU per request one for one: a busier target
        // batches more requests per wake-up (16 us injected showed as +11 us at 6300 req/s) and
        // at saturation throughput falls instead. So the injection is steered by what the runs
        // showed: `yields` holds measured change / injected share (of a probe, then of every
        // comparison), and the next injection is sized so that B's measured slowdown is
        // --slowdown, not its busy work.
        const yields: number[] = [];
        const recentCpu = () => median(recentBase.slice(-3 * flags.trials));
        const injection = () => {
          if (flags.injectCpuUs !== undefined) return flags.injectCpuUs;
          const efficiency = yields.length ? Math.min(3, Math.max(0.3, median(yields))) : 1;
          return Math.max(1, Math.round(((flags.slowdown / 100) * recentCpu() * 1000) / efficiency));
        };
        const learnYield = (base: Results, slower: Results, injectCpuUs: number) => {
          const shown = cpuChange(base, slower);
          if (shown !== null) yields.push(shown / (injectCpuUs / 1000 / recentCpu()));
        };
        if (flags.injectCpuUs === undefined) {
          // One steering step before the comparisons: without a measured yield, comparison 1
          // injected the unsteered amount (in two quiet 20-comparison runs it showed +24.5% and
          // +21.4%, where the steered ones centred on 15%).
          const guess = injection();
          const probe = await measure([variant(spec, 0, 'A'), variant(spec, guess, 'B')], 'calibration-yield', guess);
          const [a, b] = ['A', 'B'].map((v) => sideOf(probe, v, spec.name)) as [Results, Results];
          learnYield(a, b, guess);
          recentBase.push(...cpuOf(a));
        }
        process.stderr.write(`gate-check: ${spec.name} uses ${baseCpu.toFixed(3)} CPU ms/request; B adds ${injection()} us\n`);
        const outcomes: GateOutcome[] = [];
        for (let i = 1; i <= flags.comparisons && !controller.signal.aborted; i++) {
          const dir = String(i).padStart(2, '0');
          let base: Results, same: Results, slower: Results;
          const injectCpuUs = injection();
          if (flags.order === 'interleaved') {
            const session = await measure([variant(spec, 0, 'A'), variant(spec, 0, 'A-again'), variant(spec, injectCpuUs, 'B')], `${dir}/session`, injectCpuUs);
            [base, same, slower] = ['A', 'A-again', 'B'].map((v) => sideOf(session, v, spec.name)) as [Results, Results, Results];
          } else {
            base = await measure([variant(spec, 0)], `${dir}/base`);
            same = await measure([variant(spec, 0)], `${dir}/a-again`);
            slower = await measure([variant(spec, injectCpuUs)], `${dir}/b-slower`, injectCpuUs);
          }
          learnYield(base, slower, injectCpuUs);
          recentBase.push(...cpuOf(base), ...cpuOf(same));
          for (const o of judgeRuns({ index: i, injectCpuUs, base, same, slower }, flags.alpha)) {
            outcomes.push(o);
            if (o.test === flags.test) process.stderr.write(`${outcomeLine(o)}\n`);
          }
        }
        finish(out, outcomes, flags.test, { baseCpuMsPerRequest: baseCpu, trialsPerSide: flags.trials, order: flags.order, alpha: flags.alpha });
        setExit(controller.signal.aborted ? EXIT_FAILED : EXIT_OK);
      } finally {
        release();
      }
    });
}

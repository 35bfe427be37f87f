// The gate-check experiment: how good is the gate on this machine? Runs A/A comparisons (same
// code twice: any regression is a false alarm) and A/B comparisons (B burns a known amount of
// CPU per request: a regression is a detection), and returns every outcome; it prints nothing.
//
// Each comparison gets its own fresh runs: base A, head A' (A/A) and head B (A/B), --trials
// each. Comparisons never share runs, so the outcomes within each rate are independent; the
// A/A and A/B of one comparison share their base, which correlates the two rates with each
// other without biasing either. 'interleaved' runs A A' B A A' B ... as `bench run --trials`
// does for targets, so slow machine drift hits all three alike; 'sequential' runs 5 x A, then
// 5 x A', then 5 x B, as two separate CI jobs would, and so also counts drift between the jobs.
import type { GateSummary } from '../../record/gate.js';
import type { Results } from '../../record/results.js';
import { median } from '../../analysis/stats.js';
import type { TargetSpec } from '../../targets/target.js';
import { runBenchmark } from '../benchmark.js';
import type { BenchmarkEvents } from '../events.js';
import type { BenchmarkPlan } from '../plan.js';
import { cpuChange, cpuOf, judgeRuns, type GateOutcome } from './judge.js';
import { sideOf } from './runs.js';

export interface GateExperiment {
  /** The plan of one side: one target, --trials trials, no verification. */
  plan: BenchmarkPlan;
  comparisons: number;
  /** Slowdown of B in CPU per request, percent, as the runs measure it (steered). */
  slowdownPct: number;
  /** B's busy work per request, fixed (instead of slowdownPct). */
  injectCpuUs?: number;
  order: GateSummary['order'];
  alpha: number;
  /** Every run's results as it finishes, under its label (NN/session, calibration, ...): the command keeps them. */
  onResults?: (label: string, results: Results) => void;
  /** Progress: the calibration's line, then every outcome as it is judged. */
  onLine?: (line: string) => void;
  onOutcome?: (outcome: GateOutcome) => void;
}

export interface GateExperimentResult {
  outcomes: GateOutcome[];
  meta: Pick<GateSummary, 'baseCpuMsPerRequest' | 'trialsPerSide' | 'order'>;
}

/** The same target with its own per-request CPU injection, under its own name while it runs. */
function variant(spec: TargetSpec, injectCpuUs: number, name = spec.name): TargetSpec {
  return { ...spec, name, start: (ctx) => spec.start({ ...ctx, options: { ...ctx.options, injectCpuUs } }) };
}

export async function runGateExperiment(x: GateExperiment, events: BenchmarkEvents, signal: AbortSignal): Promise<GateExperimentResult> {
  const spec = x.plan.targets[0]!;
  const trials = x.plan.trials;
  const measure = async (targets: TargetSpec[], label: string, injectCpuUs?: number): Promise<Results> => {
    const recordedOptions = { ...x.plan.recordedOptions, gateCheck: label, target: spec.name, ...(injectCpuUs !== undefined ? { injectCpuUs } : {}), trialsPerSide: trials };
    const results = await runBenchmark({ ...x.plan, targets, baseline: targets[0]!.name, recordedOptions }, events, signal);
    x.onResults?.(label, results);
    return results;
  };

  // Calibrate: the slowdown is sized on this machine's measured CPU per request. The machine
  // drifts (one session here measured 0.127 ms, the next ones 0.085), so each comparison
  // re-sizes it on the base trials measured last; a fixed injectCpuUs overrides.
  const calibration = await measure([variant(spec, 0)], 'calibration');
  const recentBase = cpuOf(calibration);
  if (recentBase.length === 0) throw new Error(`calibration of ${spec.name} measured no CPU per request: ${calibration.runs.map((r) => r.error ?? r.status).join('; ')}`);
  const baseCpu = median(recentBase);
  // Busy work does not add its own length to CPU per request one for one: a busier target
  // batches more requests per wake-up (16 us injected showed as +11 us at 6300 req/s) and at
  // saturation throughput falls instead. So the injection is steered by what the runs showed:
  // `yields` holds measured change / injected share (of a probe, then of every comparison),
  // and the next injection is sized so that B's measured slowdown is slowdownPct.
  const yields: number[] = [];
  const recentCpu = () => median(recentBase.slice(-3 * trials));
  const injection = () => {
    if (x.injectCpuUs !== undefined) return x.injectCpuUs;
    const efficiency = yields.length ? Math.min(3, Math.max(0.3, median(yields))) : 1;
    return Math.max(1, Math.round(((x.slowdownPct / 100) * recentCpu() * 1000) / efficiency));
  };
  const learnYield = (base: Results, slower: Results, injectCpuUs: number) => {
    const shown = cpuChange(base, slower);
    if (shown !== null) yields.push(shown / (injectCpuUs / 1000 / recentCpu()));
  };
  if (x.injectCpuUs === undefined) {
    // One steering step before the comparisons: without a measured yield, comparison 1
    // injected the unsteered amount (in two quiet 20-comparison runs it showed +24.5% and
    // +21.4%, where the steered ones centred on 15%).
    const guess = injection();
    const probe = await measure([variant(spec, 0, 'A'), variant(spec, guess, 'B')], 'calibration-yield', guess);
    const [a, b] = ['A', 'B'].map((v) => sideOf(probe, v, spec.name)) as [Results, Results];
    learnYield(a, b, guess);
    recentBase.push(...cpuOf(a));
  }
  x.onLine?.(`gate-check: ${spec.name} uses ${baseCpu.toFixed(3)} CPU ms/request; B adds ${injection()} us`);
  const outcomes: GateOutcome[] = [];
  for (let i = 1; i <= x.comparisons && !signal.aborted; i++) {
    const dir = String(i).padStart(2, '0');
    let base: Results, same: Results, slower: Results;
    const injectCpuUs = injection();
    if (x.order === 'interleaved') {
      const session = await measure([variant(spec, 0, 'A'), variant(spec, 0, 'A-again'), variant(spec, injectCpuUs, 'B')], `${dir}/session`, injectCpuUs);
      [base, same, slower] = ['A', 'A-again', 'B'].map((v) => sideOf(session, v, spec.name)) as [Results, Results, Results];
    } else {
      base = await measure([variant(spec, 0)], `${dir}/base`);
      same = await measure([variant(spec, 0)], `${dir}/a-again`);
      slower = await measure([variant(spec, injectCpuUs)], `${dir}/b-slower`, injectCpuUs);
    }
    learnYield(base, slower, injectCpuUs);
    recentBase.push(...cpuOf(base), ...cpuOf(same));
    for (const o of judgeRuns({ index: i, injectCpuUs, base, same, slower }, x.alpha)) {
      outcomes.push(o);
      x.onOutcome?.(o);
    }
  }
  return { outcomes, meta: { baseCpuMsPerRequest: baseCpu, trialsPerSide: trials, order: x.order } };
}

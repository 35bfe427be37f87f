// compare.json: the comparison for machines (a CI step that posts its own comment, a dashboard).
// A pure exporter; the shape below is the contract, documented in docs/ci.md.
import type { AppliedTest, Comparison, GateStatus, MinEffects, RunInfo, Verdict } from '../../analysis/compare.js';
import { MDE_POWER } from '../../analysis/mde.js';
import { headline } from './format.js';
import type { MetricKey, TrialEstimate } from '../../record/results.js';
import { CONFIDENCE } from '../../analysis/stats.js';

/** Bumped on any change that could break a reader. */
export const COMPARE_JSON_VERSION = 1;

/** A median (or ratio) with its 95% bootstrap interval; null bounds when undefined. */
export interface EstimateJson {
  median: number;
  lo: number | null;
  hi: number | null;
  n: number;
}

export interface MetricJson {
  metric: MetricKey;
  label: string;
  better: 'higher' | 'lower';
  verdict: Verdict;
  /** Why that verdict, in words (effect, p, minimum effect). */
  reason: string;
  base: EstimateJson | null;
  head: EstimateJson | null;
  /** head / base of the medians; null without data or with a zero base. */
  ratio: EstimateJson | null;
  /** head - base of the medians (the error rate is judged on it). */
  difference: number | null;
  p: number | null;
  minEffect: number;
  /** Minimum detectable effect at alpha with 80% power for the noise seen (relative; absolute for the error rate); null when not computable, Infinity as null too. */
  mde: number | null;
}

export interface CompareJson {
  compareVersion: typeof COMPARE_JSON_VERSION;
  scenario: string;
  gate: {
    /** pass: every metric judged, none regressed; inconclusive: none regressed but some uncertain; fail. */
    status: GateStatus;
    /** What bench compare exits with: 1 on fail, 0 otherwise. */
    exitCode: 0 | 1;
    headline: string;
    failOnUncertain: boolean;
    judged: number;
    regressed: number;
    improved: number;
    unchanged: number;
    uncertain: number;
  };
  base: RunInfo;
  head: RunInfo;
  /** test: the unpaired test asked for; pairing: whether the data allowed the paired test and why (each target says which it applied). */
  method: { test: Comparison['test']; pairing: Comparison['pairing']; alpha: number; confidence: number; minEffects: MinEffects; mdePower: number };
  /** Differences between the runs (options, scenario settings, machine) a reader must know. */
  warnings: string[];
  onlyInBase: string[];
  onlyInHead: string[];
  targets: Array<{ target: string; baseTrials: number; headTrials: number; test: AppliedTest; pairs: number; metrics: MetricJson[] }>;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);
const estimateJson = (e: TrialEstimate | null): EstimateJson | null => (e ? { median: e.median, lo: finite(e.ci.lo), hi: finite(e.ci.hi), n: e.n } : null);

export function compareJsonData(c: Comparison): CompareJson {
  return {
    compareVersion: COMPARE_JSON_VERSION,
    scenario: c.scenario,
    gate: {
      status: c.gate,
      exitCode: c.gate === 'fail' ? 1 : 0,
      headline: headline(c),
      failOnUncertain: c.failOnUncertain,
      judged: c.judged,
      regressed: c.regressions,
      improved: c.improvements,
      unchanged: c.unchanged,
      uncertain: c.uncertain,
    },
    base: c.base,
    head: c.head,
    method: { test: c.test, pairing: c.pairing, alpha: c.alpha, confidence: CONFIDENCE, minEffects: c.minEffects, mdePower: MDE_POWER },
    warnings: c.warnings,
    onlyInBase: c.onlyInBase,
    onlyInHead: c.onlyInHead,
    targets: c.targets.map((t) => ({
      target: t.target,
      baseTrials: t.baseTrials,
      headTrials: t.headTrials,
      test: t.test,
      pairs: t.pairs,
      metrics: t.metrics.map((m) => ({
        metric: m.metric,
        label: m.label,
        better: m.better,
        verdict: m.verdict,
        reason: m.reason,
        base: estimateJson(m.base),
        head: estimateJson(m.head),
        ratio: estimateJson(m.ratio),
        difference: m.difference,
        p: m.p,
        minEffect: m.minEffect,
        mde: m.mde === null ? null : finite(m.mde),
      })),
    })),
  };
}

export function compareJson(c: Comparison): string {
  return JSON.stringify(compareJsonData(c), null, 2) + '\n';
}

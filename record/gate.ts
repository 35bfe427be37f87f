// What a gate-check found (gate-check.json): one outcome per comparison and test, and the rates.
/** The significance tests `bench compare --test` offers (analysis/compare.ts runs them). */
export type SignificanceTest = 'welch' | 'yuen' | 'mann-whitney';

/** The tests over interleaved rounds (analysis/paired.ts): the t-test, or Yuen's trimmed one. */
export type PairedTest = 'paired-t' | 'paired-yuen';

/** A test a gate-check judged with: the unpaired ones, or a paired one over interleaved rounds. */
export type GateTest = SignificanceTest | PairedTest;

export interface GateOutcome {
  index: number;
  kind: 'A/A' | 'A/B';
  test: GateTest;
  /** Trials per side the verdict used (the sequential procedure may stop before the cap). */
  trials?: number;
  /** Pinpoint's answer at the look that decided: SAME, DIFFERENT, or UNKNOWN at the cap. */
  answer?: 'SAME' | 'DIFFERENT' | 'UNKNOWN';
  /** Busy work in the head's target (0 in A/A). */
  injectCpuUs: number;
  /** Head median over base median of CPU per request, minus 1: the slowdown the runs really show. */
  cpuChange: number | null;
  /** null when the comparison was unusable (failed runs). */
  regressed: string[] | null;
  note?: string;
}

export interface GateSummary {
  test: GateTest;
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
  /** The sequential cap (equal to trialsPerSide without one) and the alpha each look tested at. */
  maxTrials?: number;
  lookAlpha?: number;
  /** Minimum effect for CPU per request the comparisons used. */
  minEffect?: number;
  /** Median trials per side the comparisons of this test used. */
  medianTrials?: number | null;
  order: 'interleaved' | 'sequential';
}


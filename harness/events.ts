// What a benchmark tells its subscribers (progress line, partial-results writer, tests).
import { EventEmitter } from 'node:events';
import type { Results, RunResult } from '../record/results.js';
import type { TickStats } from '../runners/runner.js';

export type Phase = 'start' | 'verify' | 'seed' | 'setup' | 'warmup' | 'measure' | 'stop';

export interface PhaseEvent {
  target: string;
  trial: number;
  phase: Phase;
}

/** What the benchmark is about to do, once before the first run: enough for an ETA. */
export interface PlanEvent {
  /** In run order; every trial runs them all (A B C A B C ...). */
  targets: string[];
  trials: number;
  /** Warm-up and measured window of each run (start, verify, seed and stop come on top). */
  warmupMs: number;
  measureMs: number;
}

export type BenchmarkEventMap = {
  plan: [PlanEvent];
  phase: [PhaseEvent];
  tick: [PhaseEvent & TickStats];
  run: [RunResult];
  skip: [{ target: string; reason: string }];
  /** The results so far, after each run: subscribers write results.partial.json from it. */
  snapshot: [Results];
};

export class BenchmarkEvents extends EventEmitter<BenchmarkEventMap> {}

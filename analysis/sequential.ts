// Sequential testing with a cap, as Chromium's Pinpoint: judge after the first pairs; while the
// answer is UNKNOWN add pairs, up to a cap planned in advance; answer SAME, DIFFERENT or UNKNOWN.
//
// Alpha spending: Bonferroni over the planned looks (each look tests at alpha / looks). Why not
// Pocock or O'Brien-Fleming: their boundaries are derived for a normal statistic with equally
// spaced information and known variance; here each look is a t-test on 3-20 pairs whose variance
// is re-estimated at every look, where the tabled constants do not hold and would need their own
// simulation per design. Bonferroni is a bound (P(any look alarms) <= sum of per-look alphas)
// whatever the correlation between looks and whatever the stopping rule, so the gate may stop on
// any metric's state; for 2-4 looks it costs little (Pocock's constant for 3 looks at two-sided
// 0.01 is z 2.87; Bonferroni's is 2.93). test/analysis/sequential.test.ts simulates it.
import { UsageError } from '../common/errors.js';

export type SequentialAnswer = 'SAME' | 'DIFFERENT' | 'UNKNOWN';

export interface SequentialPlan {
  /** Pairs (trials per side) at each look, ascending; the last is the cap. */
  looks: number[];
  /** The alpha the whole procedure spends. */
  alpha: number;
  /** The alpha of each look's test. */
  lookAlpha: number;
}

/** Looks at first, first + step, ... and the cap (always a look). */
export function planLooks(first: number, cap: number, alpha: number, step = first): SequentialPlan {
  if (!(Number.isInteger(first) && first >= 2)) throw new UsageError(`the first look needs at least 2 trials per side, got ${first}`);
  if (!(Number.isInteger(cap) && cap >= first)) throw new UsageError(`invalid --max-trials ${cap}: expected an integer of at least --trials (${first})`);
  if (!(Number.isInteger(step) && step >= 1)) throw new Error(`look step must be a positive integer, got ${step}`);
  const looks: number[] = [];
  for (let n = first; n < cap; n += step) looks.push(n);
  looks.push(cap);
  return { looks, alpha, lookAlpha: alpha / looks.length };
}

/** The next look after `n` pairs, or null at the cap. */
export function nextLook(plan: SequentialPlan, n: number): number | null {
  return plan.looks.find((l) => l > n) ?? null;
}

/**
 * Pinpoint's three answers for one look: DIFFERENT when the test rejects at the look's alpha,
 * SAME when it does not and the run could have resolved the minimum effect (its MDE is at most
 * that), UNKNOWN otherwise.
 */
export function lookAnswer(p: number, lookAlpha: number, mde: number, minEffect: number): SequentialAnswer {
  if (p <= lookAlpha) return 'DIFFERENT';
  return mde <= minEffect ? 'SAME' : 'UNKNOWN';
}

/**
 * Run the plan over one sequence of observations: `answerAt(n)` judges the first n; stops at the
 * first answer that is not UNKNOWN or at the cap. Returns the answer and the pairs it used.
 */
export function runSequential(plan: SequentialPlan, answerAt: (n: number) => SequentialAnswer): { answer: SequentialAnswer; n: number } {
  let answer: SequentialAnswer = 'UNKNOWN';
  for (const n of plan.looks) {
    answer = answerAt(n);
    if (answer !== 'UNKNOWN') return { answer, n };
  }
  return { answer, n: plan.looks[plan.looks.length - 1]! };
}

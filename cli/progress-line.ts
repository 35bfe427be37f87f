// Where a benchmark is and how long it still needs, from its events: a small state machine
// and a pure formatter, so the progress subscriber only decides when to print.
import type { PhaseEvent, PlanEvent } from '../harness/events.js';
import type { TickStats } from '../runners/runner.js';

interface CurrentRun {
  target: string;
  trial: number;
  phase: PhaseEvent['phase'];
  runStartMs: number;
  phaseStartMs: number;
  tick?: TickStats;
}

export class ProgressState {
  #plan: PlanEvent | undefined;
  #skipped = new Set<string>();
  /** Position in run order (trial-major) of the current run, or of the next one between runs. */
  #position = 0;
  #finishedMs: number[] = [];
  #current: CurrentRun | undefined;

  plan(p: PlanEvent): void {
    this.#plan = p;
  }

  /** Runs from the current position to the end, skipped targets left out. */
  #remaining(): number {
    const p = this.#plan;
    if (!p) return 0;
    let n = 0;
    for (let k = this.#position; k < p.targets.length * p.trials; k++) if (!this.#skipped.has(p.targets[k % p.targets.length]!)) n++;
    return n;
  }

  phase(e: PhaseEvent, nowMs: number): void {
    const sameRun = this.#current?.target === e.target && this.#current.trial === e.trial;
    const runStartMs = sameRun ? this.#current!.runStartMs : nowMs;
    const index = this.#plan?.targets.indexOf(e.target) ?? -1;
    if (this.#plan && index >= 0) this.#position = (e.trial - 1) * this.#plan.targets.length + index;
    this.#current = { target: e.target, trial: e.trial, phase: e.phase, runStartMs, phaseStartMs: nowMs };
  }

  tick(t: PhaseEvent & TickStats): void {
    if (this.#current?.target === t.target && this.#current.trial === t.trial) this.#current.tick = t;
  }

  /** A run ended (ok or not): its time teaches the ETA. */
  runEnded(nowMs: number): void {
    if (this.#current) this.#finishedMs.push(nowMs - this.#current.runStartMs);
    this.#current = undefined;
    this.#position++;
  }

  /** A target was skipped at its current trial: that run and its later trials will not happen. */
  skipped(target: string): void {
    this.#skipped.add(target);
    if (this.#current?.target === target) this.#current = undefined;
  }

  get phaseName(): string | undefined {
    return this.#current?.phase;
  }

  /** Milliseconds still needed: the runs left at the average of those done (before any, warm-up plus window). */
  etaMs(nowMs: number): number | undefined {
    if (!this.#plan) return undefined;
    const done = this.#finishedMs;
    const perRun = done.length ? done.reduce((a, b) => a + b, 0) / done.length : this.#plan.warmupMs + this.#plan.measureMs;
    const c = this.#current;
    const remaining = this.#remaining();
    if (!c) return remaining * perRun;
    // This run needs at least what its own phases say is left, whatever the average says.
    const inPhase = nowMs - c.phaseStartMs;
    const known =
      c.phase === 'measure'
        ? c.tick ? c.tick.totalMs - c.tick.elapsedMs : this.#plan.measureMs - inPhase
        : c.phase === 'warmup'
          ? this.#plan.warmupMs - inPhase + this.#plan.measureMs
          : c.phase === 'stop' ? 0 : this.#plan.warmupMs + this.#plan.measureMs;
    const current = Math.max(0, perRun - (nowMs - c.runStartMs), known);
    return current + Math.max(0, remaining - 1) * perRun;
  }

  /** "target 2/3 monolith-express, trial 1/2: measure 12/30 s, 4210 req/s, 32 in flight, 0 errors, ETA 01:05" */
  line(nowMs: number): string | undefined {
    const c = this.#current;
    if (!c) return undefined;
    const p = this.#plan;
    const where = p
      ? `target ${p.targets.indexOf(c.target) + 1}/${p.targets.length} ${c.target}, trial ${c.trial}/${p.trials}`
      : `${c.target}, trial ${c.trial}`;
    const t = c.tick;
    const what =
      c.phase === 'measure' && t
        ? `measure ${seconds(t.elapsedMs)}/${seconds(t.totalMs)} s, ${t.rps} req/s, ${t.inFlight !== undefined ? `${t.inFlight} in flight, ` : ''}${t.errors} errors`
        : `${c.phase} ${seconds(nowMs - c.phaseStartMs)} s`;
    const eta = this.etaMs(nowMs);
    return `${where}: ${what}${eta !== undefined ? `, ETA ${clock(eta)}` : ''}`;
  }
}

function seconds(ms: number): string {
  return Math.floor(ms / 1000).toString();
}

/** mm:ss, or h:mm:ss past an hour. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${mm}:${ss}`;
}

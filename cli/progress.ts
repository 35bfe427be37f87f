// Live progress, a subscriber of the harness's events (the harness prints nothing). On a
// terminal: one line redrawn every second, "target i/N, trial j/M, ..., ETA mm:ss". Elsewhere
// (CI logs, files): plain lines, one when a phase starts and one every few seconds within it,
// never a carriage return. Each finished run and each skipped target gets a line of its own.
import type { BenchmarkEvents, PhaseEvent, PlanEvent } from '../harness/events.js';
import type { RunResult } from '../record/results.js';
import type { TickStats } from '../runners/runner.js';
import { ProgressState } from './progress-line.js';

export interface ProgressOptions {
  now?: () => number;
  /** Without a terminal: at most one line per this many ms within a phase. */
  plainEveryMs?: number;
}

const REDRAW_MS = 1000;
const PLAIN_EVERY_MS = 5000;

export function attachProgress(
  events: BenchmarkEvents,
  out: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> & { columns?: number } = process.stderr,
  opts: ProgressOptions = {},
): () => void {
  const now = opts.now ?? (() => performance.now());
  const plainEveryMs = opts.plainEveryMs ?? PLAIN_EVERY_MS;
  const tty = out.isTTY === true;
  const state = new ProgressState();
  let lineOpen = false;
  let lastPlainMs = -Infinity;

  const clear = () => {
    if (lineOpen) out.write('\r\x1b[K');
    lineOpen = false;
  };
  const draw = (force = false) => {
    if (state.phaseName === undefined || state.phaseName === 'stop') return;
    const line = state.line(now());
    if (!line) return;
    if (tty) {
      clear();
      // A line wider than the terminal wraps, and \r would then clear only its last row.
      out.write(out.columns ? line.slice(0, out.columns - 1) : line);
      lineOpen = true;
    } else if (force || now() - lastPlainMs >= plainEveryMs) {
      out.write(`${line}\n`);
      lastPlainMs = now();
    }
  };
  const note = (text: string) => {
    clear();
    out.write(`${text}\n`);
  };

  const onPlan = (p: PlanEvent) => state.plan(p);
  const onPhase = (e: PhaseEvent) => {
    state.phase(e, now());
    draw(true);
  };
  const onTick = (t: PhaseEvent & TickStats) => {
    state.tick(t);
    draw();
  };
  const onRun = (r: RunResult) => {
    state.runEnded(now());
    const why = r.error ? `: ${r.error.split('\n')[0]}` : '';
    note(`${r.target} #${r.trial}: ${r.status}${r.status === 'ok' ? `, ${r.rps.toFixed(0)} req/s` : why}`);
  };
  const onSkip = (s: { target: string; reason: string }) => {
    state.skipped(s.target);
    note(`${s.target}: skipped: ${s.reason}`);
  };
  // Phases without ticks (start, verify, seed) still move: their clock and the ETA.
  const timer = setInterval(() => draw(), REDRAW_MS);
  timer.unref();

  events.on('plan', onPlan);
  events.on('phase', onPhase);
  events.on('tick', onTick);
  events.on('run', onRun);
  events.on('skip', onSkip);
  return () => {
    clearInterval(timer);
    clear();
    events.off('plan', onPlan);
    events.off('phase', onPhase);
    events.off('tick', onTick);
    events.off('run', onRun);
    events.off('skip', onSkip);
  };
}

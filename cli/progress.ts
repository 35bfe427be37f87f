// Live progress: one rewritten line on a terminal; on a pipe or file, one line per phase.
import type { BenchmarkEvents } from '../harness/events.js';

export function attachProgress(events: BenchmarkEvents, out: NodeJS.WriteStream = process.stderr): () => void {
  const tty = out.isTTY === true;
  let lineOpen = false;
  const clear = () => {
    if (lineOpen) out.write('\r\x1b[K');
    lineOpen = false;
  };
  const onPhase = (e: { target: string; trial: number; phase: string }) => {
    if (e.phase === 'stop') return;
    if (tty) {
      clear();
      out.write(`${e.target} #${e.trial}: ${e.phase}...`);
      lineOpen = true;
    } else {
      out.write(`${e.target} #${e.trial}: ${e.phase}\n`);
    }
  };
  const onTick = (t: { target: string; trial: number; elapsedMs: number; totalMs: number; rps: number; errors: number }) => {
    if (!tty) return;
    clear();
    out.write(`${t.target} #${t.trial}: measure ${(t.elapsedMs / 1000).toFixed(0)}/${(t.totalMs / 1000).toFixed(0)} s  ${t.rps} req/s  ${t.errors} errors`);
    lineOpen = true;
  };
  const onRun = (r: { target: string; trial: number; status: string; rps: number; error?: string }) => {
    clear();
    const why = r.error ? `: ${r.error.split('\n')[0]}` : '';
    out.write(`${r.target} #${r.trial}: ${r.status}${r.status === 'ok' ? `, ${r.rps.toFixed(0)} req/s` : why}\n`);
  };
  const note = (m: string) => {
    clear();
    out.write(`${m}\n`);
  };
  events.on('phase', onPhase);
  events.on('tick', onTick);
  events.on('run', onRun);
  const onSkip = (s: { target: string; reason: string }) => note(`${s.target}: skipped: ${s.reason}`);
  events.on('skip', onSkip);
  return () => {
    events.off('skip', onSkip);
    clear();
    events.off('phase', onPhase);
    events.off('tick', onTick);
    events.off('run', onRun);
  };
}

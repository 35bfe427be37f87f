// What every measuring command sets up around a benchmark: progress on the terminal,
// results.partial.json after every run, and k6's two-step Ctrl-C. close() undoes all of it.
import { BenchmarkEvents } from '../harness/events.js';
import { attachProgress } from './progress.js';
import { writePartialResults } from './results-folder.js';
import { onInterrupt } from './signals.js';

export interface RunSession {
  events: BenchmarkEvents;
  signal: AbortSignal;
  /** Stop printing progress (before the summary is printed); idempotent. */
  detachProgress(): void;
  close(): void;
}

export function openRunSession(out: string, opts: { progress?: boolean } = {}): RunSession {
  const events = new BenchmarkEvents();
  // --quiet: no progress subscriber at all (errors still reach stderr through main).
  const detach = opts.progress === false ? () => undefined : attachProgress(events);
  writePartialResults(events, out);
  const controller = new AbortController();
  const release = onInterrupt(controller);
  return {
    events,
    signal: controller.signal,
    detachProgress: detach,
    close: () => {
      detach();
      release();
    },
  };
}

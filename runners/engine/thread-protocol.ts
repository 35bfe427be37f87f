// Messages between the open runner and its generator worker threads.
import type { ExecutorConfig } from '../../scenarios/executor.js';
import type { SeedData } from './context.js';
import type { RecorderWire } from './recorder.js';

export interface ThreadInit {
  url: string;
  executor: ExecutorConfig;
  timeoutMs: number;
  allowRemote: boolean;
  /** Built-in scenario name or scenario file path. */
  scenario: string;
  seed: SeedData;
  runId: string;
  index: number;
  count: number;
}

export type ToThread = { type: 'start'; startAtMs: number } | { type: 'abort' };

export type FromThread =
  | { type: 'ready' }
  | { type: 'tick'; requests: number; errors: number; inFlight: number }
  | { type: 'done'; recorder: RecorderWire; lag: string; durationMs: number; cpuPct: number | null }
  | { type: 'error'; message: string };

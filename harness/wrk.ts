// wrk (Debian's package) as a reference peer: a closed-model generator in C, run against the
// same calibration server so its percentiles can be judged against the same truth.
import { spawn } from 'node:child_process';

export interface WrkResult {
  requests: number;
  /** Percentile -> ms, from `--latency` (wrk reports 50, 75, 90 and 99). */
  percentilesMs: Record<number, number>;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };

/** The latency distribution and request count of wrk's `--latency` report. */
export function parseWrk(text: string): WrkResult {
  const percentilesMs: Record<number, number> = {};
  for (const m of text.matchAll(/^\s+(\d+(?:\.\d+)?)%\s+([\d.]+)(us|ms|s)\s*$/gm)) percentilesMs[Number(m[1])] = Number(m[2]) * UNIT_MS[m[3]!]!;
  const requests = /(\d+) requests in /.exec(text);
  if (!requests || Object.keys(percentilesMs).length === 0) throw new Error(`wrk printed no latency distribution:\n${text.slice(0, 500)}`);
  return { requests: Number(requests[1]), percentilesMs };
}

/** Runs wrk for `durationS` with `connections` on one thread; null when wrk is not installed. */
export function runWrk(url: string, connections: number, durationS: number, signal: AbortSignal): Promise<WrkResult | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', ['-t1', `-c${connections}`, `-d${durationS}s`, '--latency', url], { stdio: ['ignore', 'pipe', 'pipe'], signal });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    child.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? resolve(null) : reject(err)));
    child.on('close', (code) => {
      if (code === 0) {
        try {
          resolve(parseWrk(out));
        } catch (err) {
          reject(err);
        }
      } else if (code !== null) reject(new Error(`wrk exited with code ${code}: ${out.slice(0, 300)}`));
    });
  });
}

// Start a monolith edge variant in a known data dir (its access and tick logs live there).
import { monolith } from '../../../targets/monolith/spec.js';
import type { EdgeSwitches } from '../../../targets/edge/switches.js';
import type { RunningTarget, TargetOptions } from '../../../targets/target.js';
import { tempDir } from '../fixtures.js';

export interface EdgeTarget {
  target: RunningTarget & { jwtSecret?: string };
  dataDir: string;
  stop(): Promise<void>;
}

export async function startEdge(framework: 'fastify' | 'express', edge: EdgeSwitches, options: TargetOptions = {}): Promise<EdgeTarget> {
  const dir = tempDir(`archbench-edge-${framework}-`);
  const abort = new AbortController();
  const target = await monolith(framework, { edge }).start({ dataDir: dir.path, host: '127.0.0.1', signal: abort.signal, readyTimeoutMs: 20_000, options });
  return {
    target,
    dataDir: dir.path,
    stop: async () => {
      await target.stop();
      abort.abort();
      dir.remove();
    },
  };
}

// Start a catalog target the way the harness does, in a temp data dir, and clean up after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningTarget, TargetOptions, TargetSpec } from '../../targets/target.js';

export interface Started {
  target: RunningTarget;
  cleanup(): Promise<void>;
}

export async function startTarget(spec: TargetSpec, options: TargetOptions = {}): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), `archbench-${spec.name}-`));
  const abort = new AbortController();
  try {
    const target = await spec.start({ dataDir, host: '127.0.0.1', signal: abort.signal, readyTimeoutMs: 30_000, options });
    return {
      target,
      cleanup: async () => {
        await target.stop();
        abort.abort();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

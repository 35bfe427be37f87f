// --url with --pid: a service the user runs themselves, whose process tree we may watch.
// Measured like ours (CPU per request, peak RSS of the tree); never started or stopped by us.
import { pidAlive as alive } from '../../common/pid-alive.js';
import { externalTarget } from '../external.js';
import type { ExitInfo, RunningTarget, TargetSpec } from '../target.js';

const POLL_MS = 250;

export function watchedPidTarget(url: string, pid: number): TargetSpec {
  const base = externalTarget(url);
  return {
    ...base,
    description: `${base.description}, process tree of pid ${pid}`,
    async start(ctx): Promise<RunningTarget> {
      const target = await base.start(ctx);
      let timer: NodeJS.Timeout | undefined;
      // Its death mid-run is a crash for the harness, as for our own targets.
      const exited = new Promise<ExitInfo & { process: string }>((resolve) => {
        timer = setInterval(() => {
          if (!alive(pid)) {
            clearInterval(timer);
            resolve({ code: null, signal: null, process: `pid ${pid}` });
          }
        }, POLL_MS);
        timer.unref();
      });
      return {
        ...target,
        pids: () => [pid],
        exited,
        stop: async () => clearInterval(timer),
      };
    },
  };
}

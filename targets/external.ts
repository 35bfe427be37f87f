// A user's own service, reached by URL: nothing to start or stop, no processes to sample.
import type { RunningTarget, TargetSpec } from './target.js';

export function externalTarget(url: string): TargetSpec {
  const base = new URL(url);
  return {
    name: `url:${base.host}`,
    axes: { topology: 'external', framework: 'none', lifecycle: 'persistent', workers: 1, storage: 'none' },
    description: `an already running service at ${base.origin}`,
    start: async (): Promise<RunningTarget> => ({
      url: base.origin + base.pathname.replace(/\/$/, ''),
      pids: () => [],
      exited: new Promise(() => {}),
      stderrTail: () => [],
      stop: async () => {},
    }),
  };
}

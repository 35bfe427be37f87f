// A user's own service, reached by URL: nothing to start or stop, no processes to sample.
import type { RunningTarget, TargetSpec } from './target.js';

export function externalTarget(url: string): TargetSpec {
  const base = new URL(url);
  // grpc:// is not a special scheme to URL: it has no origin, only a host.
  const grpc = base.protocol === 'grpc:';
  return {
    name: `url:${base.host}`,
    axes: { topology: 'external', framework: 'none', lifecycle: 'persistent', workers: 1, storage: 'none' },
    description: `an already running service at ${grpc ? url : base.origin}`,
    ...(grpc ? { protocol: 'grpc' as const } : {}),
    start: async (): Promise<RunningTarget> => ({
      url: grpc ? `grpc://${base.host}` : base.origin + base.pathname.replace(/\/$/, ''),
      pids: () => [],
      exited: new Promise(() => {}),
      stderrTail: () => [],
      stop: async () => {},
    }),
  };
}

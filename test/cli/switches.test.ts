// The playbook switches from the built CLI: axes in `bench list targets --json`, selection with
// --where, and every place a switch does not apply refused with exit 2 before anything starts.
import { describe, expect, it } from 'vitest';
import { benchSync } from '../helpers/cli.js';

describe('bench: --cache, --throttle, --plant-leak', () => {
  it('list targets --json shows the switch axes of our targets', () => {
    const r = benchSync(['list', 'targets', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ name: string; axes: Record<string, unknown> }>;
    expect(list.find((t) => t.name === 'monolith-fastify')?.axes).toMatchObject({ cache: 'none', throttle: 'off', leak: 'none' });
    expect(list.find((t) => t.name === 'micro-grpc-express')?.axes).toMatchObject({ cache: 'none', throttle: 'off', leak: 'none' });
  });

  it.each([
    [['--plant-leak', '-t', 'monolith-fastify-boot'], /--plant-leak .*monolith-fastify-boot build a fresh one per request/],
    [['--cache', 'memory', '-t', 'monolith-express-process'], /--cache memory lives in the container.*use --cache redis there/],
    [['--cache', 'disk'], /invalid --cache "disk": expected one of none, memory, redis/],
    [['--throttle', '60'], /invalid --throttle "60": expected N\/S/],
    [['--cache-ttl', '5'], /--cache-ttl applies to --cache memory or --cache redis/],
    [['--cache', 'redis', '--redis-url', 'redis://127.0.0.1:1'], /--cache redis needs Redis: no Redis broker at redis:\/\/127\.0\.0\.1:1 .*--redis-url/],
    [['--throttle', '10/1', '-t', 'bare-node-http'], /--throttle apply to our monolith-\* and micro-\* targets; not to bare-node-http/],
  ])('run %j is a usage error', (args, message) => {
    const r = benchSync(['run', 'smoke', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('--where sees the axes the flags give the run', () => {
    const r = benchSync(['verify', '--cache', 'redis', '--redis-url', 'redis://127.0.0.1:1', '--where', 'cache=redis', '--where', 'lifecycle=persistent', '-t', 'monolith-*']);
    // Selected (the where matched), then refused for the absent Redis: the selection worked.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs Redis/);
  });
});

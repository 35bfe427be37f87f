// The edge switches from the command line: axes in `bench list targets --json`, selectable with
// --where, and a clear exit 2 on every target they do not apply to (built CLI: run tsc first).
import { describe, expect, it } from 'vitest';
import { benchSync } from '../helpers/cli.js';

describe('bench: edge switches (middleware, tick, graphql loader)', () => {
  it('list targets --json carries the switch axes', () => {
    const r = benchSync(['list', 'targets', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ name: string; axes: Record<string, unknown> }>;
    const axes = (name: string) => rows.find((t) => t.name === name)?.axes;
    expect(axes('monolith-fastify')).toMatchObject({ middleware: 'lean', tick: 'off' });
    expect(axes('monolith-express-web')).toMatchObject({ middleware: 'web' });
    expect(axes('monolith-fastify-tick-process')).toMatchObject({ tick: '100ms:5ms', tickIn: 'process' });
    expect(axes('monolith-express-graphql-noloader')).toMatchObject({ graphqlLoader: 'off' });
    expect(axes('monolith-fastify-boot')).not.toHaveProperty('tick');
    expect(axes('micro-rest-fastify')).toMatchObject({ middleware: 'lean' });
  });

  it('--where selects by the switch axes', () => {
    // An unknown baseline makes the plan name the selected targets, without starting any.
    const web = benchSync(['run', 'smoke', '--targets', 'monolith-*', '--where', 'middleware=web', '--baseline', 'nope']);
    expect(web.code).toBe(2);
    expect(web.stderr).toMatch(/selected targets: monolith-fastify-web, monolith-express-web$/m);
    const tick = benchSync(['run', 'smoke', '--targets', 'monolith-*', '--where', 'tickIn=process', '--where', 'graphqlLoader=on|off', '--baseline', 'nope']);
    expect(tick.code).toBe(2);
    expect(tick.stderr).toMatch(/no target matches/);
    const gql = benchSync(['run', 'smoke', '--targets', 'monolith-*', '--where', 'graphqlLoader=off', '--baseline', 'nope']);
    expect(gql.stderr).toMatch(/selected targets: monolith-fastify-graphql-noloader, monolith-express-graphql-noloader$/m);
  });

  it.each([
    [['--targets', 'monolith-fastify-boot', '--tick', '100ms:5ms'], /--tick\/--tick-in apply to persistent monolith and micro targets; monolith-fastify-boot has the boot lifecycle/],
    [['--targets', 'monolith-express-process', '--graphql-loader', 'on'], /--graphql-loader applies to persistent monolith and micro targets .*monolith-express-process has the process lifecycle/],
    [['--targets', 'monolith-fastify', '--tick-in', 'process'], /--tick-in needs --tick PERIOD:CPU/],
    [['--targets', 'monolith-fastify', '--tick', '10ms:20ms'], /the CPU time must be > 0 and shorter than the period/],
    [['--targets', 'bare-node-http', '--middleware', 'web'], /--middleware applies to our monolith and micro targets/],
    [['--targets', 'monolith-fastify', '--middleware', 'heavy'], /invalid --middleware "heavy": expected one of lean, web/],
    [['--targets', 'monolith-fastify', '--graphql-loader', 'maybe'], /invalid --graphql-loader "maybe": expected one of on, off/],
  ])('run %j -> exit 2 naming the reason', (args, message) => {
    const r = benchSync(['run', 'smoke', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

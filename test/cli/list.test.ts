import { describe, expect, it } from 'vitest';
import { benchSync } from '../helpers/cli.js';

describe('bench list', () => {
  it('prints targets with their axes as JSON', () => {
    const r = benchSync(['list', 'targets', '--json']);
    expect(r.code).toBe(0);
    const targets = JSON.parse(r.stdout) as Array<{ name: string; axes: Record<string, unknown> }>;
    const fastify = targets.find((t) => t.name === 'monolith-fastify');
    expect(fastify?.axes).toMatchObject({ topology: 'monolith', framework: 'fastify', lifecycle: 'persistent', storage: 'sqlite' });
    expect(targets.find((t) => t.name === 'monolith-express')?.axes.framework).toBe('express');
  });

  it('prints scenarios in a table', () => {
    const r = benchSync(['list', 'scenarios']);
    expect(r.code).toBe(0);
    for (const name of ['smoke', 'read-heavy', 'write-heavy']) expect(r.stdout).toContain(name);
  });
});

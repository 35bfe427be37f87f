// Micro targets are selectable by name, glob and axis, and `bench list targets --json` shows
// their axes (transport, replicas) for tools and CI.
import { expect, it } from 'vitest';
import { selectTargets } from '../../targets/catalog.js';
import { benchSync } from '../helpers/cli.js';

it('selects micro targets by glob and by axis', () => {
  const micro = selectTargets(['micro-*']);
  expect(micro.map((t) => t.name)).toEqual(expect.arrayContaining(['micro-rest-fastify', 'micro-rest-express', 'micro-grpc-fastify', 'micro-grpc-express']));
  expect(micro.every((t) => t.axes.topology === 'micro' && t.name.startsWith('micro-'))).toBe(true);
  expect(selectTargets(['micro-*'], ['transport=grpc']).map((t) => t.name)).toEqual(['micro-grpc-fastify', 'micro-grpc-express']);
  expect(selectTargets(['micro-*'], ['transport=rest|grpc', 'framework=express']).map((t) => t.name)).toEqual(['micro-rest-express', 'micro-grpc-express']);
});

it('lists micro targets with their axes as JSON', () => {
  const r = benchSync(['list', 'targets', '--json']);
  expect(r.code).toBe(0);
  const listed = JSON.parse(r.stdout) as unknown;
  const all = (Array.isArray(listed) ? listed : (listed as { targets: unknown[] }).targets) as Array<{ name: string; axes: Record<string, unknown> }>;
  const grpc = all.find((t) => t.name === 'micro-grpc-fastify');
  expect(grpc?.axes).toEqual({ topology: 'micro', framework: 'fastify', lifecycle: 'persistent', workers: 1, storage: 'sqlite', transport: 'grpc', replicas: 1, cache: 'none', throttle: 'off', leak: 'none', middleware: 'lean', tick: 'off' });
});

it('rejects --replicas outside 1..16 and on targets without services, naming the option', () => {
  const bad = benchSync(['run', 'smoke', '--targets', 'micro-rest-fastify', '--replicas', '0']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--replicas/);
  const mono = benchSync(['run', 'smoke', '--targets', 'monolith-fastify', '--replicas', '2']);
  expect(mono.code).toBe(2);
  expect(mono.stderr).toMatch(/--replicas applies to micro targets/);
});

// Every monolith lifecycle and worker variant in the catalog, and the monolith on PostgreSQL,
// passes the same conformance suite as the plain monolith (the `process` lifecycle, at a fresh
// process per request, a reduced one), and stop() leaves no process of its tree behind.
import { afterAll, describe, expect, it } from 'vitest';
import { selectTargets, targets } from '../../targets/catalog.js';
import { runConformance } from '../../targets/contracts/conformance.js';
import type { TargetOptions, TargetSpec } from '../../targets/target.js';
import { reducedConformance } from './reduced-conformance.js';
import { startTarget, type Started } from './start.js';
import { isAlive, nodeProcesses, processTree, waitUntil } from './tree.js';

const variants = targets.filter((t) => t.axes.topology === 'monolith' && (t.axes.lifecycle !== 'persistent' || t.axes.workers > 1));
const byName = (n: string): TargetSpec => targets.find((t) => t.name === n)!;
const postgres: TargetOptions = { storage: 'postgres', pgPoolSize: 2 };

const cases: Array<[string, TargetSpec, TargetOptions]> = [
  ...variants.map((t): [string, TargetSpec, TargetOptions] => [t.name, t, {}]),
  ['monolith-fastify on postgres', byName('monolith-fastify'), postgres],
  ['monolith-express-boot on postgres', byName('monolith-express-boot'), postgres],
  ['monolith-fastify-process on postgres', byName('monolith-fastify-process'), postgres],
  ['monolith-express-w2 on postgres', byName('monolith-express-w2'), postgres],
];

it('the catalog has every lifecycle and worker variant on both frameworks', () => {
  expect(variants.map((t) => t.name).sort()).toEqual(
    ['boot', 'process', 'w2', 'w4'].flatMap((v) => [`monolith-express-${v}`, `monolith-fastify-${v}`]).sort(),
  );
  for (const t of variants) {
    expect(t.axes.topology).toBe('monolith');
    expect(t.name).toContain(t.axes.framework);
    expect(t.name.endsWith(`-w${t.axes.workers}`)).toBe(t.axes.workers > 1);
    expect(t.name.includes(`-${t.axes.lifecycle}`)).toBe(t.axes.lifecycle !== 'persistent');
  }
  expect(selectTargets(['monolith-*'], ['lifecycle=boot|process']).map((t) => t.name)).toEqual([
    'monolith-fastify-boot',
    'monolith-express-boot',
    'monolith-fastify-process',
    'monolith-express-process',
  ]);
  expect(selectTargets(['*'], ['topology=monolith', 'workers=4']).map((t) => t.name)).toEqual(['monolith-fastify-w4', 'monolith-express-w4']);
});

describe.each(cases)('%s', (_label, spec, options) => {
  let started: Started | undefined;
  afterAll(async () => {
    await started?.cleanup();
  });

  it('passes the conformance suite and stops with its whole tree', async () => {
    started = await startTarget(spec, options);
    const t = started.target;
    if (spec.axes.lifecycle === 'process') {
      await reducedConformance(t.url);
    } else {
      const report = await runConformance(t.url, { signal: AbortSignal.timeout(120_000), ...(t.jwtSecret ? { jwtSecret: t.jwtSecret } : {}) });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.passed).toBe(true);
      expect(report.checks.length).toBeGreaterThan(60);
    }

    const tree = processTree(t.pids());
    // The primary plus one process per worker; a single process otherwise (per-request children are gone by now).
    expect(nodeProcesses(tree).length).toBe(spec.axes.workers > 1 ? spec.axes.workers + 1 : 1);
    await started.cleanup();
    started = undefined;
    expect(await waitUntil(() => tree.every((p) => !isAlive(p)), 5000)).toBe(true);
  });
});

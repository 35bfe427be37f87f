// --where judges the axes a run will really have, and --workers sets them: a flag that changes
// an axis (--storage, --workers) also changes what --where selects.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan, type PlanRequest } from '../../harness/plan.js';
import { findScenario } from '../../scenarios/registry.js';
import { bench } from '../helpers/cli.js';

const base = (over: Partial<PlanRequest>): PlanRequest => ({ scenario: findScenario('smoke')!, command: ['bench'], ...over });
const names = async (over: Partial<PlanRequest>) => (await buildPlan(base(over))).targets.map((t) => t.name);

describe('plan: selection by effective axes', () => {
  it('--where storage=postgres selects every target that --storage postgres puts on PostgreSQL', async () => {
    expect(await names({ targets: ['monolith-*'], where: ['storage=postgres', 'lifecycle=persistent', 'middleware=lean', 'tick=off'], storage: 'postgres' })).toEqual([
      'monolith-fastify', 'monolith-express', 'monolith-fastify-w2', 'monolith-express-w2', 'monolith-fastify-w4', 'monolith-express-w4',
      'monolith-fastify-graphql', 'monolith-fastify-graphql-noloader', 'monolith-express-graphql', 'monolith-express-graphql-noloader',
    ]);
    await expect(buildPlan(base({ targets: ['monolith-*'], where: ['storage=postgres'] }))).rejects.toThrow(/no target matches/);
  });

  it('--workers 3 makes every persistent monolith a 3-worker target, for --where and the target alike', async () => {
    const plan = await buildPlan(base({ targets: ['monolith-fastify', 'monolith-express-w2'], where: ['workers=3'], workers: 3 }));
    expect(plan.targets.map((t) => t.name)).toEqual(['monolith-fastify', 'monolith-express-w2']);
    expect(plan.targetOptions.workers).toBe(3);
  });

  it('--workers is refused on targets without persistent workers (process lifecycle, micro services)', async () => {
    await expect(buildPlan(base({ targets: ['monolith-fastify-process', 'micro-rest-fastify'], workers: 2 }))).rejects.toThrow(
      /--workers applies to persistent monolith targets .*not to monolith-fastify-process, micro-rest-fastify/,
    );
  });
});

describe('bench run --workers (built CLI)', () => {
  it('runs a persistent monolith with N workers and records the workers axis as run', async () => {
    const out = mkdtempSync(join(tmpdir(), 'archbench-workers-'));
    try {
      const r = await bench(['run', 'smoke', '--targets', 'monolith-fastify', '--workers', '3', '--duration', '1', '--warmup', '0', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const run = (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { runs: Array<{ axes: { workers: number }; ok: number }> }).runs[0]!;
      expect(run.axes.workers).toBe(3);
      expect(run.ok).toBeGreaterThan(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../analysis/aggregate.js';
import { EXPRESS, FASTIFY, makeResults } from '../reports/fixtures.js';

describe('aggregates across trials', () => {
  const results = makeResults({ trials: 5, targets: [FASTIFY, EXPRESS] });
  const agg = aggregate(results);

  it('medians and intervals per target and metric, from the runs', () => {
    expect(agg.baseline).toBe('monolith-fastify');
    const f = agg.targets.find((t) => t.target === 'monolith-fastify')!;
    expect(f.trials).toBe(5);
    expect(f.usableTrials).toBe(5);
    const rps = f.metrics.rps!;
    const values = results.runs.filter((r) => r.target === 'monolith-fastify').map((r) => r.rps);
    expect(rps.values).toEqual(values);
    expect(rps.median).toBe([...values].sort((a, b) => a - b)[2]);
    expect(rps.ci.lo).toBeLessThanOrEqual(rps.median);
    expect(rps.ci.hi).toBeGreaterThanOrEqual(rps.median);
    expect(rps.ratio).toBeUndefined();
  });

  it('ratios to the baseline are paired by trial and near the true ratio', () => {
    const e = agg.targets.find((t) => t.target === 'monolith-express')!;
    expect(e.metrics.cpuMsPerRequest!.ratio!.paired).toBe(true);
    expect(e.metrics.cpuMsPerRequest!.ratio!.median).toBeGreaterThan(1.35);
    expect(e.metrics.cpuMsPerRequest!.ratio!.median).toBeLessThan(1.65);
    expect(e.metrics.rps!.ratio!.median).toBeLessThan(0.85);
    expect(e.metrics.errorRate!.ratio).toBeNull(); // zero errors in the baseline: no ratio
  });

  it('failed trials are not averaged', () => {
    const broken = makeResults({ trials: 3, targets: [FASTIFY] });
    broken.runs[1]!.status = 'failed';
    broken.runs[1]!.rps = 1;
    const t = aggregate(broken).targets[0]!;
    expect(t.trials).toBe(3);
    expect(t.usableTrials).toBe(2);
    expect(t.metrics.rps!.values).not.toContain(1);
  });

  it('results with aggregates validate against the schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../record/results.schema.json', import.meta.url), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    const withAgg = { ...results, aggregates: agg };
    const ok = validate(JSON.parse(JSON.stringify(withAgg)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});

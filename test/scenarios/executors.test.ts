import { describe, expect, it } from 'vitest';
import { describeExecutor, validateExecutor } from '../../scenarios/executors/registry.js';

describe('executor validation', () => {
  it('returns every problem at once, each naming its field', () => {
    const problems = validateExecutor({ type: 'constant-arrival-rate', rate: -5, timeUnit: 'soon', duration: '0s', preAllocatedVUs: 0, maxVUs: 2.5 });
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/^rate must be a number from 0/m);
    expect(problems.join('\n')).toMatch(/^timeUnit "soon" is not a duration/m);
    expect(problems.join('\n')).toMatch(/^duration must be at least 1 ms/m);
    expect(problems.join('\n')).toMatch(/^preAllocatedVUs must be a whole number from 1/m);
    expect(problems.join('\n')).toMatch(/^maxVUs must be a whole number/m);
  });

  it('checks every stage and the cap ordering', () => {
    expect(validateExecutor({ type: 'ramping-arrival-rate', preAllocatedVUs: 10, maxVUs: 5, stages: [{ duration: '10s', target: 100 }] })).toEqual([
      'maxVUs (5) must be >= preAllocatedVUs (10)',
    ]);
    const p = validateExecutor({ type: 'ramping-vus', stages: [{ duration: 'x', target: 1 }, { duration: '1s', target: -1 }] });
    expect(p).toEqual([expect.stringMatching(/^stages\[0\]\.duration "x"/), expect.stringMatching(/^stages\[1\]\.target must be a whole number/)]);
    expect(validateExecutor({ type: 'ramping-vus', stages: [] })).toEqual(['stages must list at least one { duration, target }']);
    expect(validateExecutor({ type: 'ramping-vus', stages: [{ duration: '5s', target: 0 }] })[0]).toMatch(/above 0/);
  });

  it('names the valid types for an unknown one', () => {
    expect(validateExecutor({ type: 'externally-controlled' })).toEqual([
      'executor.type "externally-controlled" is unknown; valid: constant-vus, ramping-vus, constant-arrival-rate, ramping-arrival-rate, shared-iterations, per-vu-iterations',
    ]);
    expect(validateExecutor(undefined)[0]).toMatch(/executor must be an object/);
  });

  it('accepts valid configs and describes them in k6 words', () => {
    const open = { type: 'constant-arrival-rate', rate: 30, timeUnit: '100ms', duration: '20s', preAllocatedVUs: 10, maxVUs: 50 } as const;
    expect(validateExecutor(open)).toEqual([]);
    expect(describeExecutor(open)).toMatch(/^open model: 300 arrivals\/s for 20s.*intended send time.*at most 50 in flight/);
    const closed = { type: 'constant-vus', vus: 8, duration: 10 } as const;
    expect(validateExecutor(closed)).toEqual([]);
    expect(describeExecutor(closed)).toBe('closed model: 8 connections for 10s, each waits for its response');
    expect(validateExecutor({ type: 'ramping-vus', startVUs: 1, stages: [{ duration: '2s', target: 4 }] })).toEqual([]);
  });

  it("shared-iterations and per-vu-iterations: k6's defaults and k6's messages", () => {
    expect(validateExecutor({ type: 'shared-iterations' })).toEqual([]);
    expect(validateExecutor({ type: 'per-vu-iterations' })).toEqual([]);
    expect(validateExecutor({ type: 'shared-iterations', vus: 10, iterations: 5, maxDuration: '500ms' })).toEqual([
      'the maxDuration must be more than 1s',
      "the number of iterations (5) can't be less than the number of VUs (10)",
    ]);
    expect(validateExecutor({ type: 'per-vu-iterations', vus: 0, iterations: 0, maxDuration: 'later' })).toEqual([
      'the number of VUs must be more than 0',
      'maxDuration "later" is not a duration: expected e.g. "500ms", "20s", "1m30s" or seconds',
      'the number of iterations must be more than 0',
    ]);
    expect(describeExecutor({ type: 'shared-iterations', vus: 4, iterations: 100 })).toBe(
      'closed model: 100 requests shared on 4 connections, each waits for its response; at most 10m',
    );
    expect(describeExecutor({ type: 'per-vu-iterations', vus: 3, iterations: 5, maxDuration: '30s' })).toBe(
      'closed model: 5 requests per VU (15 in total) on 3 connections, each waits for its response; at most 30s',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { formatDuration, parseDurationMs, parseDurationOption } from '../../common/duration.js';
import { executorDurationMs, warmupExecutor } from '../../scenarios/executor.js';

describe('durations', () => {
  it.each([
    ['500ms', 500],
    ['20s', 20_000],
    ['1m30s', 90_000],
    ['2h', 7_200_000],
    ['1.5s', 1500],
    ['3', 3000],
    [2.5, 2500],
  ] as const)('%s -> %d ms', (d, ms) => expect(parseDurationMs(d)).toBe(ms));

  it.each(['', 'abc', '10x', '5s garbage', '-1s'])('rejects %j', (d) => expect(() => parseDurationMs(d)).toThrow(/invalid duration/));

  it('sums ramping stages and warms ramps up at their first level', () => {
    const e = { type: 'ramping-vus' as const, stages: [{ duration: '10s', target: 5 }, { duration: '5s', target: 20 }] };
    expect(executorDurationMs(e, parseDurationMs)).toBe(15_000);
    expect(warmupExecutor(e, 2000)).toEqual({ type: 'constant-vus', vus: 5, duration: '2000ms' });
  });

  it("'max' warm-up loops closed with the executor's most VUs: its VUs, peak stage or in-flight cap", () => {
    const ramp = { type: 'ramping-vus' as const, stages: [{ duration: '10s', target: 5 }, { duration: '5s', target: 20 }] };
    expect(warmupExecutor(ramp, 2000, 'max')).toEqual({ type: 'constant-vus', vus: 20, duration: '2000ms' });
    const open = { type: 'constant-arrival-rate' as const, rate: 1000, duration: '5s', preAllocatedVUs: 8, maxVUs: 64 };
    expect(warmupExecutor(open, 1500, 'max')).toEqual({ type: 'constant-vus', vus: 64, duration: '1500ms' });
    expect(warmupExecutor(open, 1500, 'scenario')).toEqual({ ...open, duration: '1500ms' });
  });
});

describe('command-line durations', () => {
  it.each([
    ['30s', 30],
    ['500ms', 0.5],
    ['2m', 120],
    ['1m30s', 90],
    ['45', 45],
    ['1.5', 1.5],
  ])('%s -> %d s', (raw, s) => expect(parseDurationOption('--duration', raw, 0, 3600)).toBe(s));

  it('names the option, the accepted form and the range', () => {
    expect(() => parseDurationOption('-d', '30x', 1, 3600)).toThrow('invalid -d "30x": expected a duration from 1s to 1h (e.g. 500ms, 30s, 2m, 1m30s; a plain number is seconds)');
    expect(() => parseDurationOption('--warmup', '11m', 0, 600)).toThrow(/--warmup "11m": expected a duration from 0s to 10m/);
    expect(() => parseDurationOption('--grace', '10ms', 0.1, 120)).toThrow(/from 100ms to 2m/);
    expect(() => parseDurationOption('--duration', '-5', 1, 10)).toThrow(/--duration "-5"/);
  });

  it.each([
    [0, '0s'],
    [100, '100ms'],
    [1500, '1.5s'],
    [90_000, '90s'],
    [600_000, '10m'],
    [86_400_000, '24h'],
  ])('formats %d ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

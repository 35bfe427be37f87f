// PreciseWake: the open model's scheduler. Never early, replaced by a newer deadline, silent
// after cancel; the same with the spinning last stretch. (How late it is, is a benchmark's
// question: scripts/bench-open-lag.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WAKE_SPIN_US, PreciseWake, WAKE_SPIN_ENV, monoMs, wakeSpinUs } from '../../common/precise-wake.js';

const open: PreciseWake[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((w) => w.close()));
});

function wakes(spinUs: number) {
  const times: number[] = [];
  let notify: (() => void) | undefined;
  const wake = new PreciseWake(() => {
    times.push(monoMs());
    notify?.();
  }, { spinUs });
  open.push(wake);
  const next = () => new Promise<void>((resolve) => (notify = resolve));
  return { wake, times, next };
}

describe.each([0, 500])('PreciseWake, spinning the last %i us', (spinUs) => {
  it('never wakes before its deadline', async () => {
    const { wake, times, next } = wakes(spinUs);
    for (const aheadMs of [0.3, 2, 5]) {
      const deadline = monoMs() + aheadMs;
      const woke = next();
      wake.at(deadline);
      await woke;
      expect(times.at(-1)!).toBeGreaterThanOrEqual(deadline);
    }
  });

  it('a newer deadline replaces the earlier one, and cancel silences it', async () => {
    const { wake, times, next } = wakes(spinUs);
    const later = monoMs() + 30;
    wake.at(monoMs() + 10);
    const woke = next();
    wake.at(later);
    await woke;
    expect(times).toHaveLength(1);
    expect(times[0]!).toBeGreaterThanOrEqual(later);
    wake.at(monoMs() + 5);
    wake.cancel();
    await new Promise((r) => setTimeout(r, 40));
    expect(times).toHaveLength(1);
  });
});

describe('wakeSpinUs', () => {
  it('defaults, accepts 0..2000 and names the variable otherwise', () => {
    expect(wakeSpinUs({})).toBe(DEFAULT_WAKE_SPIN_US);
    expect(wakeSpinUs({ [WAKE_SPIN_ENV]: '' })).toBe(DEFAULT_WAKE_SPIN_US);
    expect(wakeSpinUs({ [WAKE_SPIN_ENV]: '0' })).toBe(0);
    expect(wakeSpinUs({ [WAKE_SPIN_ENV]: '2000' })).toBe(2000);
    expect(() => wakeSpinUs({ [WAKE_SPIN_ENV]: '2001' })).toThrow(WAKE_SPIN_ENV);
    expect(() => wakeSpinUs({ [WAKE_SPIN_ENV]: 'fast' })).toThrow(WAKE_SPIN_ENV);
  });
});

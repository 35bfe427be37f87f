// k6-style durations: "500ms", "20s", "1m30s", "2h", or a number of seconds.
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export type Duration = string | number;

export function parseDurationMs(d: Duration): number {
  if (typeof d === 'number') {
    if (!Number.isFinite(d) || d < 0) throw new RangeError(`invalid duration ${d}: expected seconds >= 0`);
    return d * 1000;
  }
  const text = d.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    matched = re.lastIndex;
  }
  if (matched === 0 || matched !== text.length) {
    throw new RangeError(`invalid duration "${d}": expected e.g. "500ms", "20s", "1m30s" or seconds`);
  }
  return total;
}

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

/** A duration for people: whole units where it divides ("1h", "10m", "500ms"), else seconds. */
export function formatDuration(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms >= 1000 || ms === 0) return `${+(ms / 1000).toFixed(3)}s`;
  return `${+ms.toFixed(3)}ms`;
}

/**
 * A command-line duration option ("30s", "500ms", "2m", "1m30s"; a plain number is seconds),
 * checked against [minS, maxS]. Returns seconds. Throws a RangeError naming the option, the
 * accepted form and the range: the CLI turns it into a usage error.
 */
export function parseDurationOption(option: string, raw: string, minS: number, maxS: number): number {
  const expected = `expected a duration from ${formatDuration(minS * 1000)} to ${formatDuration(maxS * 1000)} (e.g. 500ms, 30s, 2m, 1m30s; a plain number is seconds)`;
  let ms: number;
  try {
    ms = parseDurationMs(raw);
  } catch {
    throw new RangeError(`invalid ${option} "${raw}": ${expected}`);
  }
  const s = ms / 1000;
  if (!Number.isFinite(s) || s < minS || s > maxS) throw new RangeError(`invalid ${option} "${raw}": ${expected}`);
  return s;
}

// The shape of a results.json as a sorted list of key paths ("runs[].latencyMs.p99"), for the
// golden test that a refactor left the results' fields as they were.

// Keys below these paths depend on what happened (which errors, which extras), not on the shape.
const OPEN_ENDED = new Set(['runs[].errorsByKind', 'runs[].extra']);

export function keyPaths(value: unknown, path = '', out = new Set<string>()): string[] {
  if (Array.isArray(value)) {
    for (const v of value) keyPaths(v, `${path}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      out.add(p);
      if (!OPEN_ENDED.has(p)) keyPaths(v, p, out);
    }
  }
  return [...out].sort();
}

// The scenario's checks (k6's check()) per target and trial: passes, fails and the pass rate,
// shared by the terminal and summary.md.
import type { Results } from '../record/results.js';

export const CHECKS_HEADER = ['target', 'trial', 'check', 'passes', 'fails', 'pass rate'];

export function checkRows(results: Results): string[][] {
  return results.runs.flatMap((r) =>
    Object.entries(r.checks ?? {}).map(([name, c]) => {
      const n = c.passes + c.fails;
      return [r.target, String(r.trial), name, String(c.passes), String(c.fails), n ? `${((100 * c.passes) / n).toFixed(2)}%` : '-'];
    }),
  );
}

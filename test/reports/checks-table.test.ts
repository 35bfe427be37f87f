// Checks reach the terminal summary and summary.md as a table; results without checks show none.
import { describe, expect, it } from 'vitest';
import { terminalSummary } from '../../reports/terminal.js';
import { markdownSummary } from '../../reports/markdown.js';
import { FASTIFY, makeResults } from './fixtures.js';

describe('checks in reports', () => {
  const results = makeResults({ trials: 1, targets: [FASTIFY] });
  const withChecks = { ...results, runs: [{ ...results.runs[0]!, checks: { 'status is 201': { passes: 99, fails: 1 } } }] };

  it('terminal and markdown list each check with passes, fails and the pass rate', () => {
    expect(terminalSummary(withChecks)).toMatch(/checks:\n\ntarget\s+trial\s+check\s+passes\s+fails\s+pass rate\nmonolith-fastify\s+1\s+status is 201\s+99\s+1\s+99\.00%/);
    expect(markdownSummary(withChecks)).toContain('| monolith-fastify | 1 | status is 201 | 99 | 1 | 99.00% |');
  });

  it('no checks, no table', () => {
    expect(terminalSummary(results)).not.toContain('checks:');
    expect(markdownSummary(results)).not.toContain('Checks:');
  });
});

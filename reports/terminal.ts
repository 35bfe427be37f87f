// Plain-text table for the terminal: a pure function from results to a string.
import type { Results } from '../record/results.js';
import { AGGREGATE_HEADER, RATIO_HEADER, aggregateRows, hasTrials, ratioRows } from './aggregate-table.js';
import { CHECKS_HEADER, checkRows } from './checks-table.js';
import { EVENTS_HEADER, eventRows } from './events-table.js';
import { SUMMARY_HEADER, problemLines, summaryRows, thresholdLines } from './table.js';
import { verdictLines, verdicts } from './verdict.js';

/** Columns padded to their own widest cell: the first left-aligned, the rest right (numbers) unless `align` is 'left' (words). */
export function alignTable(rows: string[][], align: 'numbers' | 'left' = 'numbers'): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 || align === 'left' ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

/** One line per target against the baseline, and how far to trust its intervals. */
function verdictBlock(results: Results, withNote = true): string[] {
  const lines = verdictLines(results).map((l) => `${l.failed ? '! ' : ''}${l.target}: ${l.text}`);
  const note = verdicts(results).intervalNote;
  if (note && withNote) lines.push(`note: ${note}`);
  return lines;
}

/** What --quiet prints: the verdict lines, then only what went wrong (failed thresholds, problems). */
export function terminalVerdict(results: Results): string {
  const lines = verdictBlock(results, false);
  const failed = results.thresholds.filter((t) => !t.ok);
  if (failed.length) lines.push(...thresholdLines({ ...results, thresholds: failed }).map((l) => `! ${l}`));
  lines.push(...problemLines(results).map((p) => `! ${p}`));
  if (results.interrupted) lines.push('interrupted: partial results');
  return lines.join('\n') + '\n';
}

export function terminalSummary(results: Results): string {
  const v = verdicts(results);
  const lines = [`scenario ${results.scenario.name}: ${results.runs[0]?.workload.description ?? ''}`, ''];
  // The answer before the evidence: one line per target, then the tables it comes from.
  lines.push(...verdictBlock(results));
  lines.push('', alignTable([SUMMARY_HEADER, ...summaryRows(results)]));
  if (hasTrials(results)) lines.push('', 'across trials: median [95% CI]', '', alignTable([AGGREGATE_HEADER, ...aggregateRows(results)]));
  // Ratios with one trial too: they are the answer even without an interval.
  const ratios = ratioRows(results);
  if (ratios.length) lines.push('', `relative to ${v.baseline}: ratio [95% CI]`, '', alignTable([RATIO_HEADER, ...ratios]));
  const events = eventRows(results);
  if (events.length) lines.push('', 'events (UserRegistered, publish -> committed by billing):', '', alignTable([EVENTS_HEADER, ...events]));
  const checks = checkRows(results);
  if (checks.length) lines.push('', 'checks:', '', alignTable([CHECKS_HEADER, ...checks]));
  if (results.thresholds.length) lines.push('', 'thresholds:', ...thresholdLines(results).map((l) => `  ${l}`));
  const problems = problemLines(results);
  if (problems.length) lines.push('', ...problems.map((p) => `! ${p}`));
  if (results.interrupted) lines.push('', 'interrupted: partial results');
  return lines.join('\n') + '\n';
}

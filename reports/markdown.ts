// summary.md: a compact table for a CI step summary or a pull-request comment.
import type { Results } from '../record/results.js';
import { AGGREGATE_HEADER, RATIO_HEADER, aggregateRows, hasTrials, ratioRows } from './aggregate-table.js';
import { CHECKS_HEADER, checkRows } from './checks-table.js';
import { EVENTS_HEADER, eventRows } from './events-table.js';
import { SUMMARY_HEADER, THRESHOLD_HEADER, problemLines, summaryRows, thresholdRows } from './table.js';
import { verdictLines, verdicts } from './verdict.js';

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map(line)].join('\n');
}

export function markdownSummary(results: Results): string {
  const out = [
    `## archbench: ${results.scenario.name}`,
    '',
    `${results.runs[0]?.workload.description ?? ''}; warm-up ${results.scenario.warmupS} s${results.scenario.warmupLoad === 'max' ? ' at full speed' : ''} not counted. Status: **${results.status}**.`,
    '',
  ];
  const v = verdicts(results);
  // The answer first: one line per target against the baseline.
  out.push(...verdictLines(results).map((l) => `- ${l.failed ? '❌ ' : ''}**${l.target}**: ${l.text}`));
  if (v.intervalNote) out.push('', `<sub>${v.intervalNote}</sub>`);
  out.push('');
  const ratios = ratioRows(results);
  if (hasTrials(results)) {
    // Several trials: the statistics are the summary; the per-run rows fold away.
    out.push('Across trials: median [95% CI].', '', markdownTable(AGGREGATE_HEADER, aggregateRows(results)));
    if (ratios.length) out.push('', `Relative to \`${v.baseline}\`: ratio [95% CI].`, '', markdownTable(RATIO_HEADER, ratios));
    out.push('', '<details><summary>every run</summary>', '', markdownTable(SUMMARY_HEADER, summaryRows(results)), '', '</details>');
  } else {
    out.push(markdownTable(SUMMARY_HEADER, summaryRows(results)));
    if (ratios.length) out.push('', `Relative to \`${v.baseline}\`: ratio of single runs.`, '', markdownTable(RATIO_HEADER, ratios));
  }
  const events = eventRows(results);
  if (events.length) out.push('', 'Events (`UserRegistered`, publish -> committed by billing):', '', markdownTable(EVENTS_HEADER, events));
  const checks = checkRows(results);
  if (checks.length) out.push('', 'Checks:', '', markdownTable(CHECKS_HEADER, checks));
  if (results.thresholds.length) {
    const failed = results.thresholds.filter((t) => !t.ok).length;
    out.push('', `**Thresholds: ${failed ? `${failed} failed` : 'all passed'}**`, '', markdownTable(THRESHOLD_HEADER, thresholdRows(results)));
  }
  const problems = problemLines(results);
  if (problems.length) out.push('', ...problems.map((p) => `- ${p}`));
  out.push('', `<sub>node ${results.env.node}, ${results.env.cpus} × ${results.env.cpuModel}, commit ${results.env.gitCommit?.slice(0, 12) ?? 'unknown'}; placement: ${results.env.placement}</sub>`);
  return out.join('\n') + '\n';
}

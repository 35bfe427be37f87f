// summary.md: a compact table for a CI step summary or a pull-request comment.
import type { Results } from './results.js';
import { SUMMARY_HEADER, problemLines, summaryRows } from './table.js';

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map(line)].join('\n');
}

export function markdownSummary(results: Results): string {
  const out = [
    `## archbench: ${results.scenario.name}`,
    '',
    `${results.runs[0]?.workload.description ?? ''}; warm-up ${results.scenario.warmupS} s not counted. Status: **${results.status}**.`,
    '',
    markdownTable(SUMMARY_HEADER, summaryRows(results)),
  ];
  const problems = problemLines(results);
  if (problems.length) out.push('', ...problems.map((p) => `- ${p}`));
  out.push('', `<sub>node ${results.env.node}, ${results.env.cpus} × ${results.env.cpuModel}, commit ${results.env.gitCommit?.slice(0, 12) ?? 'unknown'}; placement: ${results.env.placement}</sub>`);
  return out.join('\n') + '\n';
}

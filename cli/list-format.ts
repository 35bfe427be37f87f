// What `bench list` prints, as pure functions of the rows and the terminal's width: every
// column left-aligned, long text wrapped with a hanging indent, nothing padded to the longest
// description (which pushed every line of `bench list` to 300 columns).
import type { Axes } from '../targets/target.js';
import { alignTable } from '../reports/terminal.js';

/** Width of the terminal `out` writes to; 100 on a pipe or file (CI logs, `| less`). */
export function outputWidth(out: { isTTY?: boolean; columns?: number } = process.stdout): number {
  return out.isTTY === true && out.columns ? out.columns : 100;
}

/** `text` broken at spaces into lines of at most `width` columns, each starting with `indent`; a word longer than a line stands alone. */
export function wrapText(text: string, width: number, indent: string): string[] {
  const room = Math.max(1, width - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}

export interface ScenarioRow {
  name: string;
  description: string;
}

/** Each scenario's name, then its description wrapped beneath it. */
export function formatScenarios(rows: readonly ScenarioRow[], width: number): string[] {
  return ['scenarios:', ...rows.flatMap((s) => [`  ${s.name}`, ...wrapText(s.description, width, '      ')])];
}

export interface TargetRow {
  name: string;
  axes: Axes;
  reference: boolean;
}

export const LIST_AXES = ['topology', 'transport', 'framework', 'lifecycle', 'workers', 'storage'] as const;

/** A table of targets and their axes when it fits `width`; else each name with its axes wrapped beneath. */
export function formatTargets(rows: readonly TargetRow[], width: number): string[] {
  const name = (t: TargetRow) => `${t.name}${t.reference ? ' (reference)' : ''}`;
  const value = (t: TargetRow, a: (typeof LIST_AXES)[number]) => String(t.axes[a] ?? '-');
  const table = alignTable([['name', ...LIST_AXES], ...rows.map((t) => [name(t), ...LIST_AXES.map((a) => value(t, a))])], 'left')
    .split('\n')
    .map((l) => `  ${l}`);
  if (Math.max(...table.map((l) => l.length)) <= width) return ['targets:', ...table];
  return ['targets:', ...rows.flatMap((t) => [`  ${name(t)}`, ...wrapText(LIST_AXES.map((a) => `${a}=${value(t, a)}`).join(' '), width, '      ')])];
}

// The comparison for a terminal: a pure function from the comparison to text.
import { alignTable } from '../terminal.js';
import type { Comparison } from '../../analysis/compare.js';
import { COMPARE_HEADER, VERDICT_MARK, VERDICT_MARK_ASCII, asciiOnly, compareRows, headline, methodLine, runLine, uncertainNote } from './format.js';

export interface TerminalOptions {
  /** Plain ASCII: for terminals whose locale is not UTF-8 (emoji would print as garbage). */
  ascii?: boolean;
}

export function compareTerminal(c: Comparison, opts: TerminalOptions = {}): string {
  const rows = compareRows(c, opts.ascii ? VERDICT_MARK_ASCII : VERDICT_MARK);
  const lines = [`compare ${c.scenario}`, runLine('base', c.base), runLine('head', c.head), '', alignTable([COMPARE_HEADER, ...rows]), ''];
  for (const w of c.warnings) lines.push(`! ${w}`);
  if (c.onlyInBase.length) lines.push(`! only in base (not compared): ${c.onlyInBase.join(', ')}`);
  if (c.onlyInHead.length) lines.push(`! only in head (not compared): ${c.onlyInHead.join(', ')}`);
  const note = uncertainNote(c);
  if (note) lines.push(note);
  lines.push(methodLine(c), headline(c));
  const text = lines.join('\n') + '\n';
  return opts.ascii ? asciiOnly(text) : text;
}

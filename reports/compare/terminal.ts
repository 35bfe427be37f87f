// The comparison for a terminal: a pure function from the comparison to text.
import { alignTable } from '../terminal.js';
import type { Comparison } from '../../analysis/compare.js';
import { COMPARE_HEADER, compareRows, headline, methodLine, runLine } from './format.js';

export function compareTerminal(c: Comparison): string {
  const lines = [`compare ${c.scenario}`, runLine('base', c.base), runLine('head', c.head), '', alignTable([COMPARE_HEADER, ...compareRows(c)]), ''];
  for (const w of c.warnings) lines.push(`! ${w}`);
  if (c.onlyInBase.length) lines.push(`! only in base (not compared): ${c.onlyInBase.join(', ')}`);
  if (c.onlyInHead.length) lines.push(`! only in head (not compared): ${c.onlyInHead.join(', ')}`);
  lines.push(methodLine(c), headline(c));
  return lines.join('\n') + '\n';
}

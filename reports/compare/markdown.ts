// compare.md: the gate's verdict for a CI step summary or a pull-request comment.
import { markdownTable } from '../markdown.js';
import type { Comparison, GateStatus } from '../../analysis/compare.js';
import { COMPARE_HEADER, compareRows, headline, methodLine, runLine, uncertainNote } from './format.js';

// Emoji for the eye, with the words beside them for screen readers and plain-text mail.
const GATE_MARK: Record<GateStatus, string> = { pass: '✅', inconclusive: '⚠️', fail: '❌' };

export function compareMarkdown(c: Comparison): string {
  const out = [`## archbench compare: ${c.scenario}`, '', `**${GATE_MARK[c.gate]} ${headline(c)}**`, '', `- ${runLine('base', c.base)}`, `- ${runLine('head', c.head)}`, ''];
  // Regressions first: the reader of a PR comment wants those before anything else.
  const rows = compareRows(c);
  const v = COMPARE_HEADER.indexOf('verdict');
  const order = (r: string[]) => (r[v]!.includes('regressed') ? 0 : r[v]!.includes('improved') ? 1 : r[v]!.includes('uncertain') ? 2 : 3);
  out.push(markdownTable(COMPARE_HEADER, [...rows].sort((a, b) => order(a) - order(b))));
  const notes = [
    ...c.warnings,
    ...(c.onlyInBase.length ? [`only in base (not compared): ${c.onlyInBase.join(', ')}`] : []),
    ...(c.onlyInHead.length ? [`only in head (not compared): ${c.onlyInHead.join(', ')}`] : []),
  ];
  if (notes.length) out.push('', ...notes.map((n) => `- ⚠️ warning: ${n}`));
  const note = uncertainNote(c);
  if (note) out.push('', `❔ ${note}`);
  out.push('', `<sub>${methodLine(c)}</sub>`);
  return out.join('\n') + '\n';
}

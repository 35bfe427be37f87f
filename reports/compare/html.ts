// compare.html: the comparison as a self-contained page (tables and a forest plot of every
// ratio with its interval against the minimum-effect band; no script, no network).
import { escapeHtml, htmlTable, page } from '../html/page.js';
import type { Comparison, Verdict } from '../../analysis/compare.js';
import { forestPlot, type Tone } from '../html/forest.js';
import { COMPARE_HEADER, compareRows, headline, methodLine, runLine, uncertainNote } from './format.js';

const TONE: Record<Verdict, Tone> = { regressed: 'bad', improved: 'good', unchanged: 'neutral', uncertain: 'uncertain' };

function ratioPlot(c: Comparison): string {
  const rows = c.targets.flatMap((t) =>
    t.metrics.flatMap((m) => (m.ratio && m.metric !== 'errorRate' ? [{ label: `${t.target} ${m.label}`, ratio: m.ratio, tone: TONE[m.verdict], band: m.minEffect, title: `${m.label}: ${m.verdict}, ${m.reason}` }] : [])),
  );
  return forestPlot(rows, { id: 'ratio-plot', label: 'head over base ratios with 95% intervals' });
}

export function compareHtml(c: Comparison): string {
  // Amber, not green, for a pass that could not judge every metric.
  const cls = { fail: 'bad', inconclusive: 'warn', pass: 'good' }[c.gate];
  const uncertain = uncertainNote(c);
  const notes = [...c.warnings, ...(c.onlyInBase.length ? [`only in base: ${c.onlyInBase.join(', ')}`] : []), ...(c.onlyInHead.length ? [`only in head: ${c.onlyInHead.join(', ')}`] : [])];
  const body = [
    `<h1>archbench compare: ${escapeHtml(c.scenario)}</h1>`,
    `<p><span class="flag ${cls}" id="gate">${escapeHtml(headline(c))}</span></p>`,
    `<ul><li>${escapeHtml(runLine('base', c.base))}<br><code>${escapeHtml(c.base.command)}</code></li><li>${escapeHtml(runLine('head', c.head))}<br><code>${escapeHtml(c.head.command)}</code></li></ul>`,
    uncertain ? `<p class="muted" id="uncertain-note">${escapeHtml(uncertain)}</p>` : '',
    notes.length ? `<ul class="flags" id="warnings">${notes.map((n) => `<li><span class="flag warn">warning</span> ${escapeHtml(n)}</li>`).join('')}</ul>` : '',
    '<h2>Ratios with 95% intervals</h2>',
    '<p class="muted">Dot: head/base of the medians; bar: 95% bootstrap interval; grey band: the minimum effect. Log scale.</p>',
    ratioPlot(c),
    '<h2>Every metric</h2>',
    htmlTable(COMPARE_HEADER, compareRows(c), { id: 'compare-table', numericFrom: 2 }),
    `<p class="muted">${escapeHtml(methodLine(c))}</p>`,
  ].join('\n');
  return page({ title: `archbench compare: ${c.scenario}`, body });
}

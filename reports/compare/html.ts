// compare.html: the comparison as a self-contained page (tables and an inline SVG of every
// ratio with its interval against the minimum-effect band; no script, no network).
import { escapeHtml, htmlTable, page } from '../html/page.js';
import type { Comparison } from './compare.js';
import { COMPARE_HEADER, compareRows, headline, methodLine, runLine, uncertainNote } from './format.js';

function ratioPlot(c: Comparison): string {
  const rows = c.targets.flatMap((t) => t.metrics.filter((m) => m.ratio && m.metric !== 'errorRate').map((m) => ({ t, m })));
  if (rows.length === 0) return '';
  const lo = Math.min(0.5, ...rows.map((r) => r.m.ratio!.ci.lo).filter(Number.isFinite));
  const hi = Math.max(1.5, ...rows.map((r) => r.m.ratio!.ci.hi).filter(Number.isFinite));
  const W = 760, left = 260, right = 20, rowH = 22, top = 28;
  const H = top + rows.length * rowH + 10;
  const x = (v: number) => left + ((Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * (W - left - right);
  const colour = { regressed: '#D55E00', improved: '#009E73', unchanged: '#555555', uncertain: '#E69F00' } as const;
  const ticks = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2, 3].filter((v) => v >= lo && v <= hi);
  const parts = [
    `<svg role="img" aria-label="head over base ratios with 95% intervals" viewBox="0 0 ${W} ${H}" width="100%" style="max-width:${W}px" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">`,
    ...ticks.map((v) => `<line x1="${x(v)}" x2="${x(v)}" y1="${top - 6}" y2="${H - 6}" stroke="${v === 1 ? '#000' : '#ddd'}"/><text x="${x(v)}" y="${top - 10}" text-anchor="middle">${v}x</text>`),
  ];
  rows.forEach(({ t, m }, i) => {
    const y = top + i * rowH + rowH / 2;
    const r = m.ratio!;
    const band = [1 - m.minEffect, 1 + m.minEffect].map((v) => Math.min(hi, Math.max(lo, v)));
    parts.push(
      `<rect x="${x(band[0]!)}" y="${y - 8}" width="${x(band[1]!) - x(band[0]!)}" height="16" fill="#eef1f4"/>`,
      `<text x="${left - 8}" y="${y + 4}" text-anchor="end">${escapeHtml(`${t.target} ${m.label}`)}</text>`,
      Number.isFinite(r.ci.lo) && Number.isFinite(r.ci.hi) ? `<line x1="${x(Math.max(lo, r.ci.lo))}" x2="${x(Math.min(hi, r.ci.hi))}" y1="${y}" y2="${y}" stroke="${colour[m.verdict]}" stroke-width="3"/>` : '',
      `<circle cx="${x(Math.min(hi, Math.max(lo, r.median)))}" cy="${y}" r="5" fill="${colour[m.verdict]}"><title>${escapeHtml(`${m.label}: ${m.verdict}, ${m.reason}`)}</title></circle>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
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

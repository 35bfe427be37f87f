// A forest plot of ratios (median and 95% interval on a log axis, 1x marked), drawn with HTML
// and CSS rather than SVG so labels wrap and the plot reflows on a phone instead of shrinking
// to unreadable text. Shared by compare.html (head/base) and report.html (target/baseline).
import type { TrialEstimate } from '../../record/results.js';
import { ratioParts } from '../aggregate-table.js';
import { escapeHtml } from './page.js';

/** bad/good: the interval lies on the worse/better side (or the gate said so); colours in page.ts. */
export type Tone = 'bad' | 'good' | 'neutral' | 'uncertain';

export interface ForestRow {
  label: string;
  ratio: TrialEstimate;
  tone: Tone;
  /** Half-width of a grey band around 1x (compare's minimum effect), e.g. 0.1 for [0.9, 1.1]. */
  band?: number;
  /** Hover text: why this tone. */
  title: string;
}

const TICKS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2, 3, 5, 10, 20, 50, 100];

const finite = (v: number) => Number.isFinite(v) && v > 0;
const pct = (v: number) => `${v.toFixed(2)}%`;

export function forestPlot(rows: ForestRow[], opts: { id: string; label: string }): string {
  if (rows.length === 0) return '';
  const values = rows.flatMap((r) => [r.ratio.median, r.ratio.ci.lo, r.ratio.ci.hi]).filter(finite);
  const lo = Math.min(0.5, ...values);
  const hi = Math.max(1.5, ...values);
  const x = (v: number) => ((Math.log(Math.min(hi, Math.max(lo, v))) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * 100;
  // Thin the ticks so their labels never overlap, always keeping 1x.
  const ticks: number[] = [1];
  for (const t of TICKS.filter((v) => v >= lo && v <= hi)) if (ticks.every((k) => Math.abs(x(k) - x(t)) >= 13)) ticks.push(t);
  const axis = ticks.map((t) => `<span class="forest-tick" style="left:${pct(x(t))}">${t}x</span>`).join('');
  const one = `<span class="forest-one" style="left:${pct(x(1))}"></span>`;
  const body = rows.map((r) => {
    const { value, interval } = ratioParts(r.ratio);
    const band = r.band ? `<span class="forest-band" style="left:${pct(x(1 - r.band))};width:${pct(x(1 + r.band) - x(1 - r.band))}"></span>` : '';
    const ci = finite(r.ratio.ci.lo) && finite(r.ratio.ci.hi) && r.ratio.n > 1 ? `<span class="forest-ci tone-${r.tone}" style="left:${pct(x(r.ratio.ci.lo))};width:${pct(x(r.ratio.ci.hi) - x(r.ratio.ci.lo))}"></span>` : '';
    const dot = finite(r.ratio.median) ? `<span class="forest-dot tone-${r.tone}" style="left:${pct(x(r.ratio.median))}"></span>` : '';
    return `<div class="forest-row" title="${escapeHtml(r.title)}"><span class="forest-label">${escapeHtml(r.label)} <span class="forest-value">${escapeHtml(interval ? `${value} ${interval}` : value)}</span></span><span class="forest-track"><span class="forest-scale">${band}${one}${ci}${dot}</span></span></div>`;
  });
  return [
    `<div class="forest" id="${escapeHtml(opts.id)}" role="img" aria-label="${escapeHtml(opts.label)}">`,
    `<div class="forest-row forest-axis" aria-hidden="true"><span class="forest-label"></span><span class="forest-track"><span class="forest-scale">${axis}</span></span></div>`,
    ...body,
    '</div>',
  ].join('\n');
}

/** Which way a ratio points, judged only when its whole interval is on one side of 1. */
export function ratioTone(r: TrialEstimate, better: 'higher' | 'lower'): Tone {
  if (r.n < 2 || !(r.ci.lo > 1 || r.ci.hi < 1)) return 'neutral';
  return (r.ci.lo > 1) === (better === 'higher') ? 'good' : 'bad';
}

// Number formatting and table rows of a comparison, shared by its Markdown, terminal and HTML forms.
import type { Comparison, MetricComparison, TargetComparison, Verdict } from '../../analysis/compare.js';
import { metricDef } from '../../analysis/aggregate.js';
import { formatEstimate, formatRatio } from '../aggregate-table.js';
import { TEST_TEXT, minEffectText } from '../../analysis/compare.js';

export const VERDICT_MARK: Record<Verdict, string> = {
  improved: '✅ improved',
  regressed: '❌ regressed',
  unchanged: 'unchanged',
  uncertain: '❔ uncertain',
};

/** For terminals that cannot show emoji: the same words, a plain-ASCII sign before them. */
export const VERDICT_MARK_ASCII: Record<Verdict, string> = {
  improved: '+ improved',
  regressed: 'X regressed',
  unchanged: 'unchanged',
  uncertain: '? uncertain',
};

const ASCII_SUBSTITUTES: Record<string, string> = { '±': '+/-', '×': 'x', '…': '...', '–': '-', '—': '-', '⚠️': '!', '⚠': '!' };

/** Text for a terminal that is not UTF-8: known signs spelled out, anything else as '?'. */
export function asciiOnly(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/⚠️|[^\x00-\x7f]/gu, (ch) => ASCII_SUBSTITUTES[ch] ?? '?');
}

export const COMPARE_HEADER = ['target', 'metric', 'base median [95% CI]', 'head median [95% CI]', 'head/base [95% CI]', 'p', 'min effect', 'MDE', 'verdict'];

/** The effect this run could resolve (80% power at the comparison's alpha). */
function mdeCell(m: MetricComparison): string {
  if (m.mde === null) return '-';
  if (!Number.isFinite(m.mde)) return 'n/a';
  return m.metric === 'errorRate' ? `${(m.mde * 100).toFixed(2)} pp` : `${(m.mde * 100).toFixed(1)}%`;
}

export function compareRow(t: TargetComparison, m: MetricComparison, marks: Record<Verdict, string> = VERDICT_MARK): string[] {
  return [
    t.target,
    m.label,
    formatEstimate(m.metric, m.base),
    formatEstimate(m.metric, m.head),
    m.metric === 'errorRate' && m.difference !== null ? `${m.difference >= 0 ? '+' : ''}${(m.difference * 100).toFixed(2)} pp` : formatRatio(m.ratio),
    m.p === null ? '-' : m.p < 0.001 ? '<0.001' : m.p.toFixed(3),
    minEffectText(metricDef(m.metric), m.minEffect),
    mdeCell(m),
    marks[m.verdict],
  ];
}

export function compareRows(c: Comparison, marks: Record<Verdict, string> = VERDICT_MARK): string[][] {
  return c.targets.flatMap((t) => t.metrics.map((m) => compareRow(t, m, marks)));
}

/**
 * The gate in one line. A pass with uncertain metrics says so first: "no regression" there
 * means "none shown", not "none", and a reader skimming for PASS must not miss it.
 */
export function headline(c: Comparison): string {
  const unchanged = c.unchanged;
  const inconclusive = `inconclusive: ${c.uncertain} of ${c.judged} uncertain`;
  if (c.regressions > 0) return `FAIL: ${c.regressions} regression(s); ${c.improvements} improved, ${unchanged} unchanged, ${c.uncertain} uncertain`;
  if (c.gate === 'fail') return `FAIL (${inconclusive}, --fail-on-uncertain): no regression shown; ${c.improvements} improved, ${unchanged} unchanged`;
  if (c.gate === 'inconclusive') return `PASS (${inconclusive}): no regression shown; ${c.improvements} improved, ${unchanged} unchanged`;
  return `PASS: no regression; ${c.improvements} improved, ${unchanged} unchanged, 0 uncertain`;
}

/** What an uncertain metric means and what to do about it; null when none is uncertain. */
export function uncertainNote(c: Comparison): string | null {
  if (c.uncertain === 0) return null;
  return `uncertain: the interval of the ratio is too wide to rule the minimum effect in or out, so the gate cannot tell; more trials or longer runs narrow it${c.failOnUncertain ? '' : ' (--fail-on-uncertain makes this fail the gate)'}`;
}

export function runLine(label: string, r: Comparison['base']): string {
  return `${label}: ${r.label} (commit ${r.gitCommit?.slice(0, 12) ?? 'unknown'}, ${r.startedAt})`;
}

export function methodLine(c: Comparison): string {
  const applied = [...new Set(c.targets.map((t) => t.test))];
  const tests = (applied.length ? applied : [c.test]).map((t) => TEST_TEXT[t]).join(' or ');
  const intervals = applied.includes('paired-yuen')
    ? 'intervals of paired ratios are the t-interval of the 20%-trimmed mean log ratio, the rest 95% bootstrap'
    : applied.includes('paired-t')
      ? 'intervals of paired ratios are the t-interval of the mean log ratio, the rest 95% bootstrap'
      : 'intervals are 95% bootstrap';
  return `Test: ${c.pairing.reason}. Verdicts need both ${tests} (p <= ${c.alpha}) and a change of at least the minimum effect; ${intervals}; MDE: the change this run could detect at that alpha with 80% power.`;
}

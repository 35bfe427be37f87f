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

export const COMPARE_HEADER = ['target', 'metric', 'base median [95% CI]', 'head median [95% CI]', 'head/base [95% CI]', 'p', 'min effect', 'verdict'];

export function compareRow(t: TargetComparison, m: MetricComparison): string[] {
  return [
    t.target,
    m.label,
    formatEstimate(m.metric, m.base),
    formatEstimate(m.metric, m.head),
    m.metric === 'errorRate' && m.difference !== null ? `${m.difference >= 0 ? '+' : ''}${(m.difference * 100).toFixed(2)} pp` : formatRatio(m.ratio),
    m.p === null ? '-' : m.p < 0.001 ? '<0.001' : m.p.toFixed(3),
    minEffectText(metricDef(m.metric), m.minEffect),
    VERDICT_MARK[m.verdict],
  ];
}

export function compareRows(c: Comparison): string[][] {
  return c.targets.flatMap((t) => t.metrics.map((m) => compareRow(t, m)));
}

export function headline(c: Comparison): string {
  const verdicts = c.targets.flatMap((t) => t.metrics.map((m) => m.verdict));
  const count = (v: Verdict) => verdicts.filter((x) => x === v).length;
  const gate = c.regressions > 0 ? `FAIL: ${c.regressions} regression(s)` : 'PASS: no regression';
  return `${gate}; ${count('improved')} improved, ${count('unchanged')} unchanged, ${count('uncertain')} uncertain`;
}

export function runLine(label: string, r: Comparison['base']): string {
  return `${label}: ${r.label} (commit ${r.gitCommit?.slice(0, 12) ?? 'unknown'}, ${r.startedAt})`;
}

export function methodLine(c: Comparison): string {
  return `Verdicts need both ${TEST_TEXT[c.test]} (p <= ${c.alpha}) and a change of at least the minimum effect; intervals are 95% bootstrap.`;
}

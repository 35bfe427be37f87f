// Threshold results from k6's --summary-export file. Its shape is
// metrics["<metric>{tags}"].thresholds = { "<expression>": <crossed?> }: the boolean is true when
// the threshold FAILED (k6 v0.47: "p(99)<200": false for a p99 of 0.39 ms), not whether it held.
import { readFileSync } from 'node:fs';
import type { ThresholdResult } from '../../../record/results.js';
import { UsageError } from '../../../common/errors.js';

type SummaryMetric = Record<string, unknown> & { thresholds?: Record<string, unknown> };

/** The value an expression compares, from the metric's exported aggregates (null when absent). */
function actualOf(metric: SummaryMetric, expression: string): number | null {
  const m = /^\s*(p\(\s*[\d.]+\s*\)|[a-z]+)/i.exec(expression);
  if (!m) return null;
  const agg = m[1]!.replace(/\s+/g, '');
  // k6 exports a Rate's rate as "value", and "med" for the median.
  const value = agg === 'rate' ? metric.value : metric[agg];
  return typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : null;
}

export function summaryThresholds(file: string, target: string): ThresholdResult[] {
  let data: { metrics?: Record<string, SummaryMetric> };
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as typeof data;
  } catch (err) {
    throw new UsageError(`--summary ${file}: not a readable JSON file: ${err instanceof Error ? err.message : String(err)}`, 'ERR_RESULTS_FILE');
  }
  if (!data || typeof data.metrics !== 'object' || data.metrics === null) {
    throw new UsageError(`--summary ${file}: no "metrics" object; expected k6's --summary-export output`, 'ERR_RESULTS_FILE');
  }
  const out: ThresholdResult[] = [];
  for (const [metric, m] of Object.entries(data.metrics)) {
    for (const [expression, crossed] of Object.entries(m.thresholds ?? {})) {
      if (typeof crossed !== 'boolean') throw new UsageError(`--summary ${file}: metrics["${metric}"].thresholds["${expression}"] is not a boolean`, 'ERR_RESULTS_FILE');
      out.push({ metric, expression, target, ok: !crossed, actual: actualOf(m, expression), detail: 'from the k6 summary' });
    }
  }
  return out;
}

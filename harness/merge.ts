// Runs of one scenario made by several generator machines at the same time become one run
// folder: the exact merge is record/merge.ts; here the statistics and thresholds are judged
// again on the merged runs (the command writes the folder).
import { basename, resolve } from 'node:path';
import { UsageError } from '../common/errors.js';
import { loadResults } from '../record/load.js';
import { mergeResults } from '../record/merge.js';
import type { Results } from '../record/results.js';
import { aggregate } from '../analysis/aggregate.js';
import { evaluateThresholds, parseThresholds } from '../analysis/thresholds.js';

/** The sources' thresholds (the scenario's, so the same in each) judged again on the merged runs. */
function rejudgeThresholds(merged: Results, source: Results): Results['thresholds'] {
  if (!source.thresholds.length) return [];
  const byMetric: Record<string, string[]> = {};
  for (const t of source.thresholds) {
    const list = (byMetric[t.metric] ??= []);
    if (!list.includes(t.expression)) list.push(t.expression);
  }
  const names = [...new Set(merged.runs.flatMap((r) => Object.keys(r.byRequest)))];
  return evaluateThresholds(parseThresholds(byMetric, names), merged);
}

/** Unique labels from the folder names (two hosts' folders are often both named after the run). */
function labelsOf(paths: string[]): string[] {
  const names = paths.map((p) => basename(resolve(p)).replace(/\.json$/, '') || p);
  return names.map((n, i) => (names.indexOf(n) !== i || names.lastIndexOf(n) !== i ? `${n}#${i + 1}` : n));
}

export function runMerge(paths: string[], out: string): Results {
  if (paths.length < 2) throw new UsageError(`bench merge needs at least two run folders, got ${paths.length}`);
  const sources = paths.map((p, i) => loadResults(p, `source ${i + 1}`).results);
  const results = mergeResults(sources, { labels: labelsOf(paths), command: ['bench', 'merge', ...paths, '--out', out] });
  results.thresholds = rejudgeThresholds(results, sources[0]!);
  results.aggregates = aggregate(results);
  return results;
}

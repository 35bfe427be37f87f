// report.html: one self-contained page per run folder (chart.js and the data inlined), built
// from results.json alone. A pure function from results to a string.
import { EVENTS_HEADER, eventRows } from '../events-table.js';
import { AGGREGATE_HEADER, RATIO_HEADER, RATIO_METRICS, aggregateRows, formatRatio, ratioRows } from '../aggregate-table.js';
import { aggregatesOf, metricDef, usableRuns, targetNames } from '../../analysis/aggregate.js';
import { verdictLines, verdicts } from '../verdict.js';
import { forestPlot, ratioTone, type ForestRow } from './forest.js';
import { mergeEncoded, summarizeMs } from '../../record/histogram.js';
import type { Results } from '../../record/results.js';
import { SUMMARY_HEADER, THRESHOLD_HEADER, summaryRows, thresholdRows } from '../table.js';
import { chartData } from './chart-data.js';
import { chartJsSource } from './chartjs.js';
import { CHARTS_SCRIPT } from './charts-script.js';
import { escapeHtml, htmlTable, jsonForScript, page } from './page.js';

const ms = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(2));

export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function requestTypeRows(results: Results): string[][] {
  const rows: string[][] = [];
  for (const target of targetNames(results)) {
    const runs = usableRuns(results.runs, target);
    const names = [...new Set(runs.flatMap((r) => Object.keys(r.byRequest)))];
    const seconds = runs.reduce((s, r) => s + r.durationS, 0);
    for (const name of names) {
      const parts = runs.map((r) => r.byRequest[name]).filter((p) => p !== undefined);
      const requests = parts.reduce((s, p) => s + p.requests, 0);
      const errors = parts.reduce((s, p) => s + p.errors, 0);
      const l = summarizeMs(mergeEncoded(parts.map((p) => p.histogram).filter((h): h is string => h !== null)));
      rows.push([target, name, String(requests), String(errors), seconds > 0 ? (requests / seconds).toFixed(0) : '-', ms(l?.p50), ms(l?.p90), ms(l?.p99), ms(l?.p999), ms(l?.max)]);
    }
  }
  return rows;
}

function errorRows(results: Results): string[][] {
  const rows: string[][] = [];
  for (const target of targetNames(results)) {
    const kinds: Record<string, number> = {};
    for (const r of results.runs.filter((x) => x.target === target)) for (const [k, n] of Object.entries(r.errorsByKind)) kinds[k] = (kinds[k] ?? 0) + n;
    for (const [k, n] of Object.entries(kinds).sort((a, b) => b[1] - a[1])) rows.push([target, k, String(n)]);
  }
  return rows;
}

function flagItems(results: Results): Array<{ cls: 'bad' | 'warn'; label: string; text: string }> {
  const items: Array<{ cls: 'bad' | 'warn'; label: string; text: string }> = [];
  if (results.interrupted) items.push({ cls: 'bad', label: 'interrupted', text: 'the run was stopped early: partial results' });
  for (const r of results.runs) {
    if (r.status !== 'ok') items.push({ cls: 'bad', label: r.status, text: `${r.target} trial ${r.trial}: ${r.error ?? ''}` });
    for (const why of r.generator.reasons) items.push({ cls: 'warn', label: 'generator-bound', text: `${r.target} trial ${r.trial}: ${why}` });
    if (r.dropped > 0) items.push({ cls: 'warn', label: 'dropped', text: `${r.target} trial ${r.trial}: ${r.dropped} arrivals could not be sent (in-flight cap)` });
  }
  for (const s of results.skipped) items.push({ cls: 'warn', label: 'skipped', text: `${s.target}: ${s.reason}` });
  for (const t of results.thresholds.filter((x) => !x.ok)) items.push({ cls: 'bad', label: 'threshold', text: `${t.target}: ${t.metric} ${t.expression} failed (actual ${t.actual ?? 'none'})` });
  return items;
}

function environmentRows(results: Results): string[][] {
  const e = results.env;
  return [
    ['node', e.node],
    ['os', `${e.os} (${e.arch})`],
    ['cpus', `${e.cpus} x ${e.cpuModel}`],
    ['memory', `${e.totalMemMb} MB`],
    ['git commit', e.gitCommit ?? 'unknown'],
    ['archbench', e.archbenchVersion],
    ['CPU placement', e.placement],
    ['started', results.startedAt],
    ['finished', results.finishedAt],
    ['options', JSON.stringify(e.options)],
  ];
}

/** Every non-baseline target's ratios as a forest plot (the one bench compare draws). */
function ratioPlot(results: Results): string {
  const agg = aggregatesOf(results);
  const rows: ForestRow[] = agg.targets.flatMap((t) =>
    RATIO_METRICS.flatMap((key) => {
      const r = t.metrics[key]?.ratio;
      const def = metricDef(key);
      return r ? [{ label: `${t.target} ${def.label}`, ratio: r, tone: ratioTone(r, def.better), title: `${t.target} ${def.label} over ${agg.baseline}: ${formatRatio(r)} (${def.better} is better)` }] : [];
    }),
  );
  return forestPlot(rows, { id: 'ratio-plot', label: `ratios to ${agg.baseline ?? 'the baseline'} with 95% intervals` });
}

const chart = (id: string, title: string, note: string) =>
  `<figure><figcaption><strong>${escapeHtml(title)}</strong> <span class="muted">${escapeHtml(note)}</span></figcaption><div class="chart"><canvas id="${id}" role="img" aria-label="${escapeHtml(title)}"></canvas></div></figure>`;

export function htmlReport(results: Results): string {
  const agg = aggregatesOf(results);
  const flags = flagItems(results);
  const ratios = ratioRows(results);
  const requestRows = requestTypeRows(results);
  const errors = errorRows(results);
  const events = eventRows(results);
  const workload = results.runs[0]?.workload.description ?? '';
  const statusCls = results.status === 'ok' && !results.thresholds.some((t) => !t.ok) ? 'good' : 'bad';
  const v = verdicts(results);
  const note = v.intervalNote ? `<p id="interval-note"><span class="flag warn">few trials</span> ${escapeHtml(v.intervalNote)}</p>` : '';
  const charts = chartData(results);
  const drawnNote = charts.notDrawn;
  const body = [
    `<h1>archbench: ${escapeHtml(results.scenario.name)}</h1>`,
    `<p>${escapeHtml(results.scenario.description)}</p>`,
    `<p><span class="flag ${statusCls}">status: ${escapeHtml(results.status)}</span> ${escapeHtml(workload)}; warm-up ${results.scenario.warmupS} s${results.scenario.warmupLoad === 'max' ? ' at full speed' : ''}, never counted. Baseline: <code>${escapeHtml(agg.baseline ?? '-')}</code>.</p>`,
    // The answer first: per target its cost against the baseline, then the evidence.
    '<h2>Verdict</h2>',
    `<ul id="verdict">${verdictLines(results).map((l) => `<li>${l.failed ? '<span class="flag bad">failed</span> ' : ''}<strong>${escapeHtml(l.target)}</strong>: ${escapeHtml(l.text)}</li>`).join('\n')}</ul>`,
    note,
    ratios.length
      ? `<h2>Relative to the baseline</h2><p class="muted">Target over <code>${escapeHtml(agg.baseline ?? '')}</code>: ratio of medians [95% interval], paired per interleaved trial when every trial has its partner; log scale, 1x marked. Above 1 means more: better for rps, worse for the rest; green or orange when the whole interval is on the better or the worse side.</p>${ratioPlot(results)}${htmlTable(RATIO_HEADER, ratios, { id: 'ratio-table' })}`
      : '',
    '<h2>Flags</h2>',
    flags.length ? `<ul class="flags" id="flags">${flags.map((f) => `<li><span class="flag ${f.cls}">${escapeHtml(f.label)}</span> ${escapeHtml(f.text)}</li>`).join('\n')}</ul>` : '<p id="flags">None: no generator-bound run, no dropped request, no skipped target, no failure.</p>',
    '<h2>Summary across trials</h2>',
    `<p class="muted">Median over trials [95% bootstrap interval]; failed trials are not counted.${v.intervalNote ? ` Note: ${escapeHtml(v.intervalNote)}.` : ''}</p>`,
    htmlTable(AGGREGATE_HEADER, aggregateRows(results), { id: 'summary-table' }),
    results.thresholds.length ? `<h2>Thresholds</h2>${htmlTable(THRESHOLD_HEADER, thresholdRows(results), { id: 'threshold-table', numericFrom: 99 })}` : '',
    drawnNote.length ? `<ul class="flags" id="not-drawn">${drawnNote.map((n) => `<li><span class="flag bad">not in the charts</span> <strong>${escapeHtml(n.target)}</strong>: ${escapeHtml(n.reason)}</li>`).join('')}</ul>` : '',
    '<h2>Latency</h2>',
    '<div class="grid">',
    chart('chart-spectrum', 'Percentile spectrum', 'all trials merged; both axes log scale (percentile as 1/(1-p))'),
    chart('chart-latency-time', 'Latency over time', 'p99 solid, p50 dashed; per second, median across trials; latency on a log scale'),
    '</div>',
    '<h2>Throughput and cost</h2>',
    '<div class="grid">',
    chart('chart-rps-time', 'Throughput over time', 'responses per second, median across trials'),
    chart('chart-cpu', 'CPU per request', 'target process tree, user+sys, measured window; whiskers: 95% interval'),
    chart('chart-rss', 'Peak memory', 'peak total RSS of the target processes; whiskers: 95% interval'),
    '</div>',
    '<h2>Per request type</h2>',
    htmlTable(['target', 'request', 'responses', 'errors', 'rps', 'p50 ms', 'p90 ms', 'p99 ms', 'p99.9 ms', 'max ms'], requestRows, { id: 'request-table', numericFrom: 2 }),
    events.length ? `<h2>Events</h2><p class="muted">UserRegistered from publish to committed by billing; backlog when the measured window closed and after a bounded drain; broker CPU apart from the target's.</p>${htmlTable(EVENTS_HEADER, events, { id: 'events-table', numericFrom: 1 })}` : '',
    '<h2>Errors by kind</h2>',
    errors.length ? htmlTable(['target', 'kind', 'count'], errors, { id: 'error-table', numericFrom: 2 }) : '<p id="error-table">No errors.</p>',
    results.profiles?.length ? `<h2>Profiles</h2><ul>${results.profiles.map((p) => `<li>${escapeHtml(`${p.target} trial ${p.trial}, ${p.tool}: `)}<a href="${escapeHtml(p.path)}">${escapeHtml(p.path)}</a></li>`).join('')}</ul>` : '',
    '<h2>Every run</h2>',
    htmlTable(SUMMARY_HEADER, summaryRows(results), { id: 'runs-table', numericFrom: 1 }),
    '<h2>Environment</h2>',
    htmlTable(['', ''], environmentRows(results), { id: 'env-table', numericFrom: 99 }),
    '<h2>Reproduce</h2>',
    `<p>From the repository at commit <code>${escapeHtml(results.env.gitCommit ?? 'unknown')}</code>:</p>`,
    `<pre id="command">${escapeHtml(['npx', ...results.command].map(shellQuote).join(' '))}</pre>`,
    `<script type="application/json" id="chart-data">${jsonForScript(charts)}</script>`,
  ].join('\n');
  return page({ title: `archbench: ${results.scenario.name}`, body, scripts: [chartJsSource(), CHARTS_SCRIPT] });
}

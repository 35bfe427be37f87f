// trends/<scenario>.html: each metric per target over the scenario's runs, oldest to newest,
// the median with the trials' 95% interval as a band, and the runs that `bench compare` finds
// regressed against the previous run marked. Data and chart.js are inlined (works from file://).
import { metricDef } from '../../analysis/aggregate.js';
import { chartJsSource } from '../html/chartjs.js';
import { PALETTE, escapeHtml, htmlTable, jsonForScript, page } from '../html/page.js';
import { shortDate } from './index-page.js';
import { TREND_METRICS, type SiteEstimate, type SiteRun, type TrendMetric } from './site-index.js';

export interface TrendSeries {
  key: TrendMetric;
  label: string;
  unit: string;
  /** Per target, per run (oldest first): the estimate, or null where not measured. */
  values: Array<Array<SiteEstimate | null>>;
  /** Per target, per run: did this run regress on this metric against the previous one. */
  regressed: boolean[][];
}

export interface TrendData {
  scenario: string;
  labels: string[];
  targets: string[];
  metrics: TrendSeries[];
}

export function trendData(scenario: string, runs: readonly SiteRun[]): TrendData {
  const targets = [...new Set(runs.flatMap((r) => r.targets.map((t) => t.target)))];
  return {
    scenario,
    labels: runs.map((r) => `${shortDate(r.startedAt).slice(0, 16)} ${r.gitCommit?.slice(0, 7) ?? ''}`.trim()),
    targets,
    metrics: TREND_METRICS.map((key) => {
      const def = metricDef(key);
      return {
        key,
        label: def.label,
        unit: def.unit,
        values: targets.map((t) => runs.map((r) => r.targets.find((x) => x.target === t)?.metrics[key] ?? null)),
        regressed: targets.map((t) => runs.map((r) => r.vsPrevious?.regressed.some((x) => x.target === t && x.metric === key) ?? false)),
      };
    }),
  };
}

const TREND_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('trend-data').textContent);
  var palette = ${JSON.stringify(PALETTE)};
  function colour(i) { return palette[i % palette.length]; }
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  data.metrics.forEach(function (m) {
    var el = document.getElementById('trend-' + m.key);
    if (!el) return;
    var datasets = [];
    data.targets.forEach(function (t, i) {
      var v = m.values[i];
      var pick = function (f) { return v.map(function (e) { return e ? e[f] : null; }); };
      // The band: the interval's low edge, then its high edge filled down to it.
      datasets.push({ label: t + ' lo', data: pick('lo'), borderWidth: 0, pointRadius: 0, fill: false, band: true });
      datasets.push({ label: t + ' 95% interval', data: pick('hi'), borderWidth: 0, pointRadius: 0, fill: '-1', backgroundColor: colour(i) + '33', band: true });
      datasets.push({ label: t, data: pick('median'), borderColor: colour(i), backgroundColor: colour(i), borderWidth: 2, pointRadius: 3, median: true });
      datasets.push({
        label: t + ' regressed', data: v.map(function (e, j) { return e && m.regressed[i][j] ? e.median : null; }),
        showLine: false, pointStyle: 'triangle', pointRadius: 9, borderColor: '#b00020', backgroundColor: '#b00020', regression: true,
      });
    });
    new Chart(el, {
      type: 'line',
      data: { labels: data.labels, datasets: datasets },
      options: {
        spanGaps: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: m.label + (m.unit ? ', ' + m.unit : '') } } },
        plugins: { legend: { position: 'bottom', labels: { filter: function (item, d) { var s = d.datasets[item.datasetIndex]; return !s.band && !(s.regression && s.data.every(function (v) { return v === null; })); } } } },
      },
    });
  });
})();
`;

function chart(m: TrendSeries): string {
  return `<figure><figcaption><strong>${escapeHtml(m.label)}</strong>${m.unit ? ` <span class="muted">${escapeHtml(m.unit)}</span>` : ''}</figcaption><div class="chart"><canvas id="trend-${m.key}"></canvas></div></figure>`;
}

/** runs: the scenario's runs, oldest first; links are relative to trends/. */
export function trendPage(scenario: string, runs: readonly SiteRun[]): string {
  const data = trendData(scenario, runs);
  const verdictRows = runs.flatMap((r) =>
    (r.vsPrevious?.regressed ?? []).map((x) => [shortDate(r.startedAt), x.target, metricDef(x.metric).label, x.reason]),
  );
  const runList = [...runs].reverse().map((r) => {
    const note = r.vsPrevious?.note ? ` <span class="muted">(not compared: ${escapeHtml(r.vsPrevious.note)})</span>` : '';
    return `<li><a class="report" href="../${escapeHtml(r.report)}">${escapeHtml(shortDate(r.startedAt))}</a> <code>${escapeHtml(r.gitCommit?.slice(0, 10) ?? 'unknown')}</code> ${escapeHtml(r.status)}${note}</li>`;
  });
  const body = [
    `<p><a href="../index.html">all runs</a></p>`,
    `<h1>${escapeHtml(scenario)}: trends</h1>`,
    `<p class="muted">${runs.length} runs, oldest left. Line: median across trials; band: its 95% bootstrap interval; red triangle: regressed against the previous run by the comparison <code>bench compare</code> gates on.</p>`,
    '<div class="grid">',
    ...data.metrics.map(chart),
    '</div>',
    '<h2>Regressions</h2>',
    verdictRows.length ? htmlTable(['run', 'target', 'metric', 'why'], verdictRows, { id: 'regression-table', numericFrom: 99 }) : '<p id="regression-table">None between consecutive runs.</p>',
    '<h2>Runs</h2>',
    `<ul id="run-list">${runList.join('')}</ul>`,
    `<script type="application/json" id="trend-data">${jsonForScript(data)}</script>`,
  ].join('\n');
  return page({ title: `archbench trends: ${scenario}`, body, scripts: [chartJsSource(), TREND_SCRIPT] });
}

// index.html of the published site: every run, newest first, with its headline numbers per
// target and links to its report, its results and its scenario's trend page. The table is
// static HTML (readable without script); a small inline script only filters it.
import { escapeHtml, jsonForScript, page } from '../html/page.js';
import { scenarioSlug, type SiteIndex, type SiteRun, type SiteEstimate } from './site-index.js';

const num = (e: SiteEstimate | null, digits: number) => (e ? e.median.toFixed(digits) : '-');
export const shortDate = (iso: string) => iso.replace('T', ' ').replace(/:\d\d\.\d+Z$|:\d\dZ$/, ' UTC');
export const trendPath = (scenario: string) => `trends/${scenarioSlug(scenario)}.html`;

const FILTER_SCRIPT = String.raw`
(function () {
  var scenario = document.getElementById('filter-scenario');
  var target = document.getElementById('filter-target');
  function apply() {
    var s = scenario.value, t = target.value, shown = 0;
    document.querySelectorAll('#runs-table tbody tr').forEach(function (tr) {
      var lines = tr.querySelectorAll('[data-target]');
      var any = false;
      lines.forEach(function (l) { var on = !t || l.getAttribute('data-target') === t; l.hidden = !on; any = any || on; });
      var on = (!s || tr.getAttribute('data-scenario') === s) && any;
      tr.hidden = !on;
      if (on) shown++;
    });
    document.getElementById('shown').textContent = String(shown);
  }
  scenario.addEventListener('change', apply);
  target.addEventListener('change', apply);
  apply();
})();
`;

function statusCell(r: SiteRun): string {
  const flags = [`<span class="flag ${r.status === 'ok' ? 'good' : 'bad'}">${escapeHtml(r.status)}</span>`];
  const v = r.vsPrevious;
  if (v?.regressed.length) flags.push(`<span class="flag bad" title="${escapeHtml(v.regressed.map((x) => `${x.target} ${x.metric}: ${x.reason}`).join('\n'))}">${v.regressed.length} regressed</span>`);
  if (v?.improved.length) flags.push(`<span class="flag good">${v.improved.length} improved</span>`);
  return flags.join(' ');
}

function lines(r: SiteRun, cell: (t: SiteRun['targets'][number]) => string): string {
  return r.targets.map((t) => `<div data-target="${escapeHtml(t.target)}">${cell(t)}</div>`).join('');
}

function row(r: SiteRun): string {
  const commit = r.gitCommit ? `<code title="${escapeHtml(r.gitCommit)}">${escapeHtml(r.gitCommit.slice(0, 10))}</code>` : '<span class="muted">unknown</span>';
  return [
    `<tr data-run="${escapeHtml(r.id)}" data-scenario="${escapeHtml(r.scenario)}">`,
    `<td>${escapeHtml(shortDate(r.startedAt))}</td>`,
    `<td><a class="trend" href="${escapeHtml(trendPath(r.scenario))}">${escapeHtml(r.scenario)}</a>${r.generators > 1 ? ` <span class="muted">(${r.generators} generators)</span>` : ''}</td>`,
    `<td>${commit}</td>`,
    `<td>${statusCell(r)}</td>`,
    `<td>${lines(r, (t) => escapeHtml(t.target))}</td>`,
    `<td class="num">${lines(r, (t) => num(t.metrics.rps, 0))}</td>`,
    `<td class="num">${lines(r, (t) => num(t.metrics.p99, 2))}</td>`,
    `<td class="num">${lines(r, (t) => num(t.metrics.cpuMsPerRequest, 3))}</td>`,
    `<td><a class="report" href="${escapeHtml(r.report)}">report</a> · <a class="results" href="${escapeHtml(r.results)}">json</a></td>`,
    '</tr>',
  ].join('');
}

function select(id: string, label: string, values: string[]): string {
  const options = values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('');
  return `<label>${escapeHtml(label)} <select id="${id}"><option value="">all</option>${options}</select></label>`;
}

export function indexPage(index: SiteIndex): string {
  const scenarios = [...new Set(index.runs.map((r) => r.scenario))].sort();
  const targets = [...new Set(index.runs.flatMap((r) => r.targets.map((t) => t.target)))].sort();
  const body = [
    '<h1>archbench runs</h1>',
    `<p class="muted">${index.runs.length} runs, newest first; numbers are medians across trials. Showing <span id="shown">${index.runs.length}</span>.</p>`,
    `<p>Trends: ${scenarios.map((s) => `<a class="trend" href="${escapeHtml(trendPath(s))}">${escapeHtml(s)}</a>`).join(' · ')}</p>`,
    `<p>${select('filter-scenario', 'scenario', scenarios)} ${select('filter-target', 'target', targets)}</p>`,
    '<div class="table-wrap"><table id="runs-table">',
    '<thead><tr><th>started</th><th>scenario</th><th>commit</th><th>status</th><th>target</th><th class="num">rps</th><th class="num">p99 ms</th><th class="num">CPU ms/req</th><th>files</th></tr></thead>',
    `<tbody>${index.runs.map(row).join('\n')}</tbody>`,
    '</table></div>',
    `<script type="application/json" id="site-data">${jsonForScript(index)}</script>`,
  ].join('\n');
  return page({ title: 'archbench runs', body, scripts: [FILTER_SCRIPT] });
}

// The page's own script: draws the charts from the inlined JSON with the inlined chart.js.
// Plain browser JavaScript kept as a string; no animation, so a chart is complete as soon as
// the page has loaded (for readers, screenshots and the browser test alike).
import { PALETTE } from './page.js';

export const CHARTS_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var palette = ${JSON.stringify(PALETTE)};
  var dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
  // i is a drawn target's index; data.colours maps it to its place among all targets.
  function colour(i) { return palette[data.colours[i] % palette.length]; }
  function dash(i) { return dashes[Math.floor(data.colours[i] / palette.length) % dashes.length]; }
  // Log axes label 1-2-5 steps only: every minor tick labelled would be unreadable.
  function logTick(v) {
    var m = v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
    if (!(Math.abs(m - 1) < 1e-6 || Math.abs(m - 2) < 1e-6 || Math.abs(m - 5) < 1e-6)) return '';
    return v >= 1 ? String(Math.round(v)) : String(Number(v.toPrecision(1)));
  }
  var logMs = { type: 'logarithmic', title: { display: true, text: 'latency, ms (log scale)' }, ticks: { autoSkip: false, callback: logTick } };
  var narrow = window.matchMedia('(max-width: 640px)').matches;
  if (narrow) { Chart.defaults.font.size = 11; Chart.defaults.plugins.legend.labels.boxWidth = 12; }
  Chart.defaults.animation = false;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#1a1a1a';
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.labels.boxWidth = 18;

  function lines(id, series, extra) {
    var el = document.getElementById(id);
    if (!el) return;
    var datasets = [];
    series.forEach(function (s) {
      data.targets.forEach(function (t, i) {
        datasets.push({
          label: s.label ? t + ' ' + s.label : t,
          data: s.points[i],
          borderColor: colour(i),
          backgroundColor: colour(i),
          borderDash: s.dash || dash(i),
          borderWidth: s.width || 2,
          pointRadius: 0,
          spanGaps: false,
          tension: 0,
        });
      });
    });
    new Chart(el, {
      type: 'line',
      data: { datasets: datasets },
      options: Object.assign({
        parsing: true,
        interaction: { mode: 'nearest', intersect: false },
        scales: extra.scales,
        plugins: { legend: { position: 'bottom' }, tooltip: extra.tooltip || {} },
      }, {}),
    });
  }

  function percentileLabel(x) {
    var p = 100 * (1 - 1 / x);
    return (Math.round(p * 10000) / 10000) + '%';
  }

  lines('chart-spectrum', [{ points: data.spectrum }], {
    scales: {
      x: {
        type: 'logarithmic', min: 1, title: { display: true, text: 'percentile' },
        ticks: { autoSkip: false, callback: function (v) { var l = Math.log10(v); return Math.abs(l - Math.round(l)) < 1e-9 ? percentileLabel(v) : ''; } },
      },
      y: logMs,
    },
    tooltip: { callbacks: { title: function (items) { return items.length ? 'p' + percentileLabel(items[0].parsed.x) : ''; } } },
  });

  var time = { type: 'linear', title: { display: true, text: 'second of the measured window' }, ticks: { precision: 0 } };
  lines('chart-latency-time', [{ points: data.p99, label: 'p99', width: 2 }, { points: data.p50, label: 'p50', dash: [4, 3], width: 1.5 }], {
    scales: { x: time, y: logMs },
  });
  lines('chart-rps-time', [{ points: data.rps }], {
    scales: { x: time, y: { beginAtZero: true, title: { display: true, text: 'responses per second' } } },
  });

  // Bars are the median across trials; whiskers the 95% bootstrap interval.
  var whiskers = {
    id: 'whiskers',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx, meta = chart.getDatasetMeta(0), y = chart.scales.y, bars = chart.data.datasets[0].intervals;
      ctx.save();
      ctx.strokeStyle = '#1a1a1a';
      ctx.lineWidth = 1.5;
      meta.data.forEach(function (el, i) {
        var b = bars[i];
        if (!b || !isFinite(b.lo) || !isFinite(b.hi) || b.lo === b.hi) return;
        var x = el.x, top = y.getPixelForValue(b.hi), bottom = y.getPixelForValue(b.lo);
        ctx.beginPath();
        ctx.moveTo(x, top); ctx.lineTo(x, bottom);
        ctx.moveTo(x - 6, top); ctx.lineTo(x + 6, top);
        ctx.moveTo(x - 6, bottom); ctx.lineTo(x + 6, bottom);
        ctx.stroke();
      });
      ctx.restore();
    },
  };
  function bars(id, values, unit) {
    var el = document.getElementById(id);
    if (!el) return;
    new Chart(el, {
      type: 'bar',
      data: {
        // A target that ran but did not measure this (no pid to sample) says so on its slot.
        labels: data.targets.map(function (t, i) { return values[i] ? t : t + ' (not measured)'; }),
        datasets: [{
          label: unit,
          data: values.map(function (b) { return b ? b.median : null; }),
          intervals: values,
          backgroundColor: data.targets.map(function (_, i) { return colour(i); }),
          maxBarThickness: 90,
        }],
      },
      options: {
        scales: { x: { ticks: { autoSkip: false, maxRotation: narrow ? 90 : 50 } }, y: { beginAtZero: true, title: { display: true, text: unit } } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (item) { var b = values[item.dataIndex]; return b ? unit + ': ' + b.median + ' [' + b.lo + ', ' + b.hi + ']' : 'not measured'; } } },
        },
      },
      plugins: [whiskers],
    });
  }
  bars('chart-cpu', data.cpu, 'CPU ms per request');
  bars('chart-rss', data.rss, 'peak RSS, MB');
})();
`;
